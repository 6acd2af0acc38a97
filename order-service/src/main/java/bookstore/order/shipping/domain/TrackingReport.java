package bookstore.order.shipping.domain;

import java.util.List;
import java.util.Objects;

/**
 * What a carrier's callback says about one parcel: its current state and its timeline so far (the
 * whole timeline: carriers send it again with every update).
 *
 * @param company the carrier company's code, as the shipment was registered with it
 */
public record TrackingReport(
        String company, String trackingNumber, TrackingStatus current, List<TrackingEvent> events) {

    public TrackingReport {
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        Objects.requireNonNull(current, "current");
        events = List.copyOf(events);
    }

    /** Whether the parcel has been delivered, by its current state or by any entry of its timeline. */
    public boolean delivered() {
        return current == TrackingStatus.DELIVERED
                || events.stream().anyMatch(event -> event.status() == TrackingStatus.DELIVERED);
    }

    /** Whether the parcel has been on its way at some point. */
    public boolean onItsWay() {
        return current.isOnItsWay()
                || events.stream().anyMatch(event -> event.status().isOnItsWay());
    }
}
