package bookstore.order.ordering.persistence;

import bookstore.order.ordering.application.IdempotencyKey;
import bookstore.order.ordering.application.OrderPage;
import bookstore.order.ordering.application.OrderQuery;
import bookstore.order.ordering.application.Orders;
import bookstore.order.ordering.domain.Order;
import bookstore.order.ordering.domain.OrderId;
import bookstore.order.ordering.domain.OrderStatus;
import bookstore.order.ordering.domain.SagaStep;
import bookstore.order.ordering.domain.Shipment;
import bookstore.order.pricing.domain.Money;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Orders in table {@code customer_order}, one row each. Lines, status history and address are JSON
 * columns: they are read and written with the order, never on their own, so one row per order keeps
 * every saga step to a single-row update.
 */
@Repository
class PostgresOrders implements Orders {

    private static final String COLUMNS = """
            id, customer_id, customer_ref, status, saga_step, deadline, lines::text AS lines,
            shipping_address::text AS shipping_address, payment_method, charge_requested, payment_id,
            refunded_amount, refunded_currency, failure_reason, carrier, tracking_number,
            status_history::text AS status_history, placed_at
            """;

    private final DatabaseClient database;
    private final OrderJson json = new OrderJson();

    PostgresOrders(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Order> find(OrderId id) {
        return database.sql("SELECT " + COLUMNS + " FROM customer_order WHERE id = :id")
                .bind("id", id.value())
                .map(this::order)
                .one();
    }

    @Override
    public Mono<Order> lock(OrderId id) {
        return database.sql("SELECT " + COLUMNS + " FROM customer_order WHERE id = :id FOR UPDATE")
                .bind("id", id.value())
                .map(this::order)
                .one();
    }

    @Override
    public Flux<Order> lockOverdue(Instant now, int limit) {
        return database.sql("SELECT " + COLUMNS + """
                         FROM customer_order WHERE status = 'PENDING' AND deadline <= :now
                        ORDER BY deadline LIMIT :limit FOR UPDATE SKIP LOCKED
                        """)
                .bind("now", now)
                .bind("limit", limit)
                .map(this::order)
                .all()
                // Read to the end before the caller changes the orders in the same transaction: one
                // connection runs one statement at a time (see payment-service's lockDue).
                .collectList()
                .flatMapMany(Flux::fromIterable);
    }

    @Override
    public Mono<Void> lockIdempotencyKey(String customerId, String key) {
        return database.sql("SELECT pg_advisory_xact_lock(hashtextextended(:lock, 0))")
                .bind("lock", "checkout:" + customerId + ":" + key)
                .then();
    }

    @Override
    public Mono<KeyedOrder> findByIdempotencyKey(String customerId, String key) {
        return database.sql("SELECT " + COLUMNS + """
                        , request_fingerprint FROM customer_order
                        WHERE customer_id = :customer AND idempotency_key = :key
                        """)
                .bind("customer", customerId)
                .bind("key", key)
                .map(row -> new KeyedOrder(order(row), row.get("request_fingerprint", String.class)))
                .one();
    }

    @Override
    public Mono<Void> add(Order order, IdempotencyKey key) {
        Order.State state = order.state();
        return database.sql("""
                        INSERT INTO customer_order (id, customer_id, customer_ref, idempotency_key, request_fingerprint,
                            status, saga_step, deadline, lines, total_amount, currency, shipping_address, payment_method,
                            charge_requested, status_history, placed_at, updated_at)
                        VALUES (:id, :customer, :customerRef, :key, :fingerprint, :status, :step, :deadline,
                            CAST(:lines AS JSONB), :total, :currency, CAST(:address AS JSONB), :paymentMethod,
                            :chargeRequested, CAST(:history AS JSONB), :placedAt, :placedAt)
                        """)
                .bind("id", state.id().value())
                .bind("customer", state.customerId())
                .bind("customerRef", state.customerRef())
                .bind("key", key.value())
                .bind("fingerprint", key.requestFingerprint())
                .bind("status", state.status().name())
                .bind("step", state.step().name())
                .bind("deadline", Parameter.fromOrEmpty(state.deadline(), Instant.class))
                .bind("lines", json.lines(state.lines()))
                .bind("total", order.total().amount())
                .bind("currency", order.total().currency())
                .bind("address", json.address(state.shippingAddress()))
                .bind("paymentMethod", state.paymentMethod())
                .bind("chargeRequested", state.chargeRequested())
                .bind("history", json.history(state.history()))
                .bind("placedAt", state.placedAt())
                .then();
    }

    @Override
    public Mono<Void> update(Order order) {
        Order.State state = order.state();
        return database.sql("""
                        UPDATE customer_order SET status = :status, saga_step = :step, deadline = :deadline,
                            charge_requested = :chargeRequested, payment_id = :paymentId,
                            refunded_amount = :refundedAmount, refunded_currency = :refundedCurrency,
                            failure_reason = :failureReason, carrier = :carrier, tracking_number = :trackingNumber,
                            status_history = CAST(:history AS JSONB), updated_at = now()
                        WHERE id = :id
                        """)
                .bind("id", state.id().value())
                .bind("status", state.status().name())
                .bind("step", state.step().name())
                .bind("deadline", Parameter.fromOrEmpty(state.deadline(), Instant.class))
                .bind("chargeRequested", state.chargeRequested())
                .bind("paymentId", Parameter.fromOrEmpty(state.paymentId(), String.class))
                .bind(
                        "refundedAmount",
                        Parameter.fromOrEmpty(
                                state.refunded() == null
                                        ? null
                                        : state.refunded().amount(),
                                Long.class))
                .bind(
                        "refundedCurrency",
                        Parameter.fromOrEmpty(
                                state.refunded() == null
                                        ? null
                                        : state.refunded().currency(),
                                String.class))
                .bind("failureReason", Parameter.fromOrEmpty(state.failureReason(), String.class))
                .bind(
                        "carrier",
                        Parameter.fromOrEmpty(
                                state.shipment() == null
                                        ? null
                                        : state.shipment().carrier(),
                                String.class))
                .bind(
                        "trackingNumber",
                        Parameter.fromOrEmpty(
                                state.shipment() == null
                                        ? null
                                        : state.shipment().trackingNumber(),
                                String.class))
                .bind("history", json.history(state.history()))
                .then();
    }

    @Override
    public Mono<OrderPage> list(OrderQuery query) {
        // Each condition is a fixed fragment of SQL with its value bound, never written into the statement.
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>();
        if (query.customerId() != null) {
            conditions.add("customer_id = :customer");
            values.put("customer", query.customerId());
        }
        if (query.status() != null) {
            conditions.add("status = :status");
            values.put("status", query.status().name());
        }
        if (query.from() != null) {
            conditions.add("placed_at >= :from");
            values.put("from", query.from());
        }
        if (query.to() != null) {
            conditions.add("placed_at < :to");
            values.put("to", query.to());
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        var select = database.sql("SELECT " + COLUMNS + " FROM customer_order" + where
                        + " ORDER BY placed_at DESC, id LIMIT :limit OFFSET :offset")
                .bind("limit", query.size())
                .bind("offset", query.offset());
        var count = database.sql("SELECT count(*) FROM customer_order" + where);
        for (var value : values.entrySet()) {
            select = select.bind(value.getKey(), value.getValue());
            count = count.bind(value.getKey(), value.getValue());
        }
        return Mono.zip(
                select.map(this::order).all().collectList(),
                count.map(row -> row.get(0, Long.class)).one(),
                (items, total) -> new OrderPage(items, query.page(), query.size(), total));
    }

    private Order order(Readable row) {
        String carrier = row.get("carrier", String.class);
        Long refundedAmount = row.get("refunded_amount", Long.class);
        return Order.restore(new Order.State(
                new OrderId(row.get("id", UUID.class)),
                row.get("customer_id", String.class),
                row.get("customer_ref", String.class),
                json.lines(row.get("lines", String.class)),
                json.address(row.get("shipping_address", String.class)),
                row.get("payment_method", String.class),
                row.get("placed_at", Instant.class),
                OrderStatus.valueOf(row.get("status", String.class)),
                SagaStep.valueOf(row.get("saga_step", String.class)),
                row.get("deadline", Instant.class),
                Boolean.TRUE.equals(row.get("charge_requested", Boolean.class)),
                row.get("payment_id", String.class),
                refundedAmount == null ? null : new Money(refundedAmount, row.get("refunded_currency", String.class)),
                row.get("failure_reason", String.class),
                carrier == null ? null : new Shipment(carrier, row.get("tracking_number", String.class)),
                json.history(row.get("status_history", String.class))));
    }
}
