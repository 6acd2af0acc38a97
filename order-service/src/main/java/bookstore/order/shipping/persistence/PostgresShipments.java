package bookstore.order.shipping.persistence;

import bookstore.order.shipping.application.Shipments;
import bookstore.order.shipping.domain.TrackedShipment;
import bookstore.order.shipping.domain.TrackingEvent;
import bookstore.order.shipping.domain.TrackingStatus;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Tables {@code carrier_subscription} and {@code tracking_event}. */
@Repository
class PostgresShipments implements Shipments {

    private static final String SUBSCRIPTION = "order_id, carrier, company, tracking_number, destination";

    private final DatabaseClient database;

    PostgresShipments(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> add(TrackedShipment shipment, String carrier, Instant now, Instant leasedUntil) {
        var insert = database.sql("""
                        INSERT INTO carrier_subscription (order_id, carrier, company, tracking_number, destination,
                            next_attempt_at, created_at)
                        VALUES (:order, :carrier, :company, :number, :destination, :next, :now)
                        ON CONFLICT (order_id) DO NOTHING
                        """)
                .bind("order", UUID.fromString(shipment.orderId()))
                .bind("carrier", carrier)
                .bind("company", shipment.company())
                .bind("number", shipment.trackingNumber())
                .bind("next", leasedUntil)
                .bind("now", now);
        insert = shipment.destination() == null
                ? insert.bindNull("destination", String.class)
                : insert.bind("destination", shipment.destination());
        return insert.then();
    }

    @Override
    public Mono<List<DueSubscription>> lockDue(Instant now, int limit) {
        return database.sql("SELECT " + SUBSCRIPTION + """
                        , attempts FROM carrier_subscription WHERE next_attempt_at <= :now
                        ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED
                        """)
                .bind("now", now)
                .bind("limit", limit)
                .map(row -> new DueSubscription(shipment(row), row.get("attempts", Integer.class)))
                .all()
                .collectList();
    }

    @Override
    public Mono<Void> lease(Collection<String> orderIds, Instant until) {
        if (orderIds.isEmpty()) {
            return Mono.empty();
        }
        return database.sql("""
                        UPDATE carrier_subscription SET next_attempt_at = :until
                         WHERE order_id = ANY(CAST(:ids AS UUID[]))
                        """)
                .bind("until", until)
                .bind("ids", orderIds.toArray(String[]::new))
                .then();
    }

    @Override
    public Mono<Void> subscribed(String orderId, Instant at) {
        return database.sql("""
                        UPDATE carrier_subscription
                           SET subscribed_at = :at, next_attempt_at = NULL, attempts = attempts + 1, last_error = NULL
                         WHERE order_id = :order
                        """)
                .bind("at", at)
                .bind("order", UUID.fromString(orderId))
                .then();
    }

    @Override
    public Mono<Void> failed(String orderId, int attempts, Instant nextAttemptAt, String error) {
        return database.sql("""
                        UPDATE carrier_subscription SET attempts = :attempts, next_attempt_at = :next, last_error = :error
                         WHERE order_id = :order AND subscribed_at IS NULL
                        """)
                .bind("attempts", attempts)
                .bind("next", nextAttemptAt)
                .bind("error", error)
                .bind("order", UUID.fromString(orderId))
                .then();
    }

    @Override
    public Flux<String> ordersTracking(String carrier, String trackingNumber) {
        return database.sql("""
                        SELECT order_id FROM carrier_subscription WHERE tracking_number = :number AND carrier = :carrier
                        """)
                .bind("number", trackingNumber)
                .bind("carrier", carrier)
                .map(row -> row.get("order_id", UUID.class).toString())
                .all();
    }

    @Override
    public Mono<Registered> find(String orderId) {
        return database.sql(
                        "SELECT " + SUBSCRIPTION + ", subscribed_at FROM carrier_subscription WHERE order_id = :order")
                .bind("order", UUID.fromString(orderId))
                .map(row -> new Registered(
                        shipment(row), row.get("carrier", String.class), row.get("subscribed_at", Instant.class)))
                .one();
    }

    @Override
    public Mono<Long> record(String orderId, List<TrackingEvent> events, Instant receivedAt) {
        if (events.isEmpty()) {
            return Mono.just(0L);
        }
        return database.sql("""
                        INSERT INTO tracking_event (order_id, status, description, place, occurred_at, received_at)
                        SELECT CAST(:order AS UUID), e.status, e.description, e.place, e.occurred_at, :receivedAt
                          FROM unnest(CAST(:statuses AS TEXT[]), CAST(:descriptions AS TEXT[]),
                                      CAST(:places AS TEXT[]), CAST(:ats AS TIMESTAMPTZ[]))
                               AS e (status, description, place, occurred_at)
                        ON CONFLICT DO NOTHING
                        """)
                .bind("order", orderId)
                .bind("receivedAt", receivedAt)
                .bind("statuses", events.stream().map(e -> e.status().name()).toArray(String[]::new))
                .bind(
                        "descriptions",
                        events.stream().map(TrackingEvent::description).toArray(String[]::new))
                .bind("places", events.stream().map(TrackingEvent::place).toArray(String[]::new))
                .bind("ats", events.stream().map(e -> e.at().toString()).toArray(String[]::new))
                .fetch()
                .rowsUpdated();
    }

    @Override
    public Mono<Void> forget(Collection<String> orderIds) {
        if (orderIds.isEmpty()) {
            return Mono.empty();
        }
        String[] ids = orderIds.toArray(String[]::new);
        return database.sql("DELETE FROM tracking_event WHERE order_id = ANY(CAST(:ids AS UUID[]))")
                .bind("ids", ids)
                .then()
                .then(database.sql("""
                                UPDATE carrier_subscription SET destination = NULL
                                 WHERE order_id = ANY(CAST(:ids AS UUID[])) AND destination IS NOT NULL
                                """).bind("ids", ids).then());
    }

    @Override
    public Mono<List<TrackingEvent>> timeline(String orderId) {
        return database.sql("""
                        SELECT status, description, place, occurred_at FROM tracking_event WHERE order_id = :order
                         ORDER BY occurred_at DESC, received_at DESC
                        """)
                .bind("order", UUID.fromString(orderId))
                .map(row -> new TrackingEvent(
                        TrackingStatus.valueOf(row.get("status", String.class)),
                        row.get("description", String.class),
                        row.get("place", String.class),
                        row.get("occurred_at", Instant.class)))
                .all()
                .collectList();
    }

    private static TrackedShipment shipment(Readable row) {
        return new TrackedShipment(
                row.get("order_id", UUID.class).toString(),
                row.get("company", String.class),
                row.get("tracking_number", String.class),
                row.get("destination", String.class));
    }
}
