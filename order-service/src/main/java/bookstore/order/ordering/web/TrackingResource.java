package bookstore.order.ordering.web;

import bookstore.order.ordering.domain.OrderStatus;
import bookstore.order.shipping.application.TrackingQueries.Tracking;
import bookstore.order.shipping.domain.TrackingStatus;
import java.time.Instant;
import java.util.List;

/**
 * An order's tracking on the wire.
 *
 * @param carrier the carrier company the order was shipped with; null until it is shipped
 * @param status where the parcel is by the carrier's latest entry; null until the carrier reports
 * @param orderStatus the order's own status
 * @param events the carrier's timeline, newest first
 */
record TrackingResource(
        String orderId,
        String carrier,
        String trackingNumber,
        TrackingStatus status,
        OrderStatus orderStatus,
        List<Event> events) {

    static TrackingResource of(Tracking tracking) {
        var order = tracking.order();
        var shipment = order.shipment();
        List<Event> events = tracking.events().stream()
                .map(event -> new Event(event.status(), event.description(), event.place(), event.at()))
                .toList();
        return new TrackingResource(
                order.id().toString(),
                shipment == null ? null : shipment.carrier(),
                shipment == null ? null : shipment.trackingNumber(),
                events.isEmpty() ? null : events.getFirst().status(),
                order.status(),
                events);
    }

    record Event(TrackingStatus status, String description, String place, Instant at) {}
}
