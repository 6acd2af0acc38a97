package bookstore.order.shipping.application;

import bookstore.order.shipping.domain.TrackedShipment;
import bookstore.order.shipping.domain.TrackingEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Shipments registered with a carrier and their tracking timelines. Locking methods need a transaction. */
public interface Shipments {

    /**
     * Adds the subscription of a shipped order, leased until {@code leasedUntil}: the transaction that
     * ships the order hands it to the worker, and should that never happen, it is due then.
     */
    Mono<Void> add(TrackedShipment shipment, String carrier, Instant now, Instant leasedUntil);

    /** Subscriptions due for a call, oldest first, locked; those another replica holds are skipped. */
    Mono<List<DueSubscription>> lockDue(Instant now, int limit);

    /** Puts the next attempt of these subscriptions off until {@code until}: a lease while they are called. */
    Mono<Void> lease(Collection<String> orderIds, Instant until);

    /** The carrier accepted the subscription: it is not called again. */
    Mono<Void> subscribed(String orderId, Instant at);

    /** The carrier did not accept it: another attempt at {@code nextAttemptAt}. */
    Mono<Void> failed(String orderId, int attempts, Instant nextAttemptAt, String error);

    /** The ids of the orders that travel under this tracking number with this carrier. */
    Flux<String> ordersTracking(String carrier, String trackingNumber);

    /** The shipment of an order, if it was registered with a carrier. */
    Mono<Registered> find(String orderId);

    /** Adds the events the order's timeline does not hold yet, with one statement; tells how many were new. */
    Mono<Long> record(String orderId, List<TrackingEvent> events, Instant receivedAt);

    /**
     * Forgets what the shipments of these orders say about where they went: the timeline (carriers
     * name places and who signed for a parcel) and the destination. For orders whose customer was erased.
     */
    Mono<Void> forget(Collection<String> orderIds);

    /** The order's timeline, newest first. */
    Mono<List<TrackingEvent>> timeline(String orderId);

    /** A subscription due for a call, and how many calls were made for it before. */
    record DueSubscription(TrackedShipment shipment, int attempts) {}

    /** A shipment as registered: with which carrier, and whether the carrier accepted it yet. */
    record Registered(TrackedShipment shipment, String carrier, Instant subscribedAt) {}
}
