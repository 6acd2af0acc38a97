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
import bookstore.platform.outbox.Outbox;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
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
            status_history::text AS status_history, placed_at, returns::text AS returns, refunds::text AS refunds,
            payment_action::text AS payment_action, account_closed_at
            """;

    private final DatabaseClient database;
    private final Outbox outbox;
    private final OrderJson json = new OrderJson();

    PostgresOrders(DatabaseClient database, Outbox outbox) {
        this.database = database;
        this.outbox = outbox;
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
    public Mono<List<Order>> lockAll(Collection<OrderId> ids) {
        // In id order, so two batches (or a batch and a customer's cancel) never wait on each other crosswise.
        return database.sql("SELECT " + COLUMNS
                        + " FROM customer_order WHERE id = ANY(CAST(:ids AS UUID[])) ORDER BY id FOR UPDATE")
                .bind("ids", ids.stream().map(OrderId::toString).toArray(String[]::new))
                .map(this::order)
                .all()
                .collectList();
    }

    @Override
    public Mono<List<Order>> lockOfCustomer(String customerId) {
        // In id order, as lockAll, so this never waits crosswise on a batch of the saga.
        return database.sql("SELECT " + COLUMNS
                        + " FROM customer_order WHERE customer_id = :customer ORDER BY id FOR UPDATE")
                .bind("customer", customerId)
                .map(this::order)
                .all()
                .collectList();
    }

    @Override
    public Flux<Order> lockOverdue(Instant now, int limit) {
        return lockDue("status IN ('PENDING', 'AWAITING_PAYMENT')", "deadline", now, limit);
    }

    @Override
    public Flux<Order> lockAfterSaleDue(Instant now, int limit) {
        return lockDue("after_sale_deadline IS NOT NULL", "after_sale_deadline", now, limit);
    }

    @Override
    public Flux<Order> lockDeliveredBefore(Instant cutoff, int limit) {
        return lockDue("status = 'DELIVERED'", "delivered_at", cutoff, limit);
    }

    /**
     * Orders matching a condition whose time column has come, oldest first, locked, skipping those
     * another replica holds. Condition and column are this class's own constants, never a caller's
     * text; the condition is written into the statement so that the planner matches it to the
     * partial index.
     */
    private Flux<Order> lockDue(String condition, String timeColumn, Instant due, int limit) {
        return database.sql("SELECT " + COLUMNS + " FROM customer_order WHERE " + condition + " AND " + timeColumn
                        + " <= :due ORDER BY " + timeColumn + " LIMIT :limit FOR UPDATE SKIP LOCKED")
                .bind("due", due)
                .bind("limit", limit)
                .map(this::order)
                .all()
                // Read to the end before the caller changes the orders in the same transaction: one
                // connection runs one statement at a time (see payment-service's lockDue).
                .collectList()
                .flatMapMany(Flux::fromIterable);
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

    /**
     * One statement: the order, unless the customer's Idempotency-Key placed one already or the
     * account is closed (one look-up of closed_account's primary key), and its messages with it. A
     * concurrent checkout with the same key waits for this one's row and then finds it there.
     */
    @Override
    public Mono<Boolean> addIfNew(Order order, IdempotencyKey key, List<Outbox.Message<?>> messages) {
        Order.State state = order.state();
        Map<String, Parameter> values = new LinkedHashMap<>();
        values.put("id", Parameter.from(state.id().value()));
        values.put("customer", Parameter.from(state.customerId()));
        values.put("customerRef", Parameter.from(state.customerRef()));
        values.put("key", Parameter.from(key.value()));
        values.put("fingerprint", Parameter.from(key.requestFingerprint()));
        values.put("status", Parameter.from(state.status().name()));
        values.put("step", Parameter.from(state.step().name()));
        values.put("deadline", Parameter.fromOrEmpty(state.deadline(), Instant.class));
        values.put("lines", Parameter.from(json.lines(state.lines())));
        values.put("total", Parameter.from(order.total().amount()));
        values.put("currency", Parameter.from(order.total().currency()));
        values.put("address", Parameter.from(json.address(state.shippingAddress())));
        values.put("paymentMethod", Parameter.from(state.paymentMethod()));
        values.put("chargeRequested", Parameter.from(state.chargeRequested()));
        values.put("history", Parameter.from(json.history(state.history())));
        values.put("placedAt", Parameter.from(state.placedAt()));
        return outbox.changeWith("""
                        INSERT INTO customer_order (id, customer_id, customer_ref, idempotency_key, request_fingerprint,
                            status, saga_step, deadline, lines, total_amount, currency, shipping_address, payment_method,
                            charge_requested, status_history, placed_at, updated_at)
                        SELECT :id, :customer, :customerRef, :key, :fingerprint, :status, :step, :deadline,
                            CAST(:lines AS JSONB), :total, :currency, CAST(:address AS JSONB), :paymentMethod,
                            :chargeRequested, CAST(:history AS JSONB), :placedAt, :placedAt
                         WHERE NOT EXISTS (SELECT 1 FROM closed_account WHERE customer_id = :customer)
                        ON CONFLICT (customer_id, idempotency_key) DO NOTHING
                        """, values, messages);
    }

    /** Every order of the list with one statement, from arrays of their saga state. */
    @Override
    public Mono<Void> updateAll(List<Order> changed) {
        if (changed.isEmpty()) {
            return Mono.empty();
        }
        List<Order.State> states = changed.stream().map(Order::state).toList();
        return database.sql("""
                        UPDATE customer_order AS o
                           SET status = u.status, saga_step = u.step, deadline = u.deadline,
                               charge_requested = u.charge_requested, payment_id = u.payment_id,
                               refunded_amount = u.refunded_amount, refunded_currency = u.refunded_currency,
                               failure_reason = u.failure_reason, carrier = u.carrier,
                               tracking_number = u.tracking_number, status_history = u.history,
                               delivered_at = u.delivered_at, returns = u.returns, refunds = u.refunds,
                               after_sale_deadline = u.after_sale_deadline, after_sale_open = u.after_sale_open,
                               payment_action = u.payment_action, shipping_address = u.shipping_address,
                               account_closed_at = u.account_closed_at, updated_at = now()
                          FROM unnest(CAST(:ids AS UUID[]), CAST(:statuses AS TEXT[]), CAST(:steps AS TEXT[]),
                                      CAST(:deadlines AS TIMESTAMPTZ[]), CAST(:chargeRequested AS BOOLEAN[]),
                                      CAST(:paymentIds AS TEXT[]), CAST(:refundedAmounts AS BIGINT[]),
                                      CAST(:refundedCurrencies AS TEXT[]), CAST(:failureReasons AS TEXT[]),
                                      CAST(:carriers AS TEXT[]), CAST(:trackingNumbers AS TEXT[]),
                                      CAST(:histories AS JSONB[]), CAST(:deliveredAts AS TIMESTAMPTZ[]),
                                      CAST(:returns AS JSONB[]), CAST(:refunds AS JSONB[]),
                                      CAST(:afterSaleDeadlines AS TIMESTAMPTZ[]), CAST(:afterSaleOpen AS BOOLEAN[]),
                                      CAST(:paymentActions AS JSONB[]), CAST(:addresses AS JSONB[]),
                                      CAST(:accountClosedAts AS TIMESTAMPTZ[]))
                               AS u (id, status, step, deadline, charge_requested, payment_id, refunded_amount,
                                     refunded_currency, failure_reason, carrier, tracking_number, history,
                                     delivered_at, returns, refunds, after_sale_deadline, after_sale_open,
                                     payment_action, shipping_address, account_closed_at)
                         WHERE o.id = u.id
                        """)
                .bind("ids", column(states, state -> state.id().value().toString()))
                .bind("statuses", column(states, state -> state.status().name()))
                .bind("steps", column(states, state -> state.step().name()))
                .bind(
                        "deadlines",
                        column(
                                states,
                                state -> state.deadline() == null
                                        ? null
                                        : state.deadline().toString()))
                .bind("chargeRequested", column(states, state -> String.valueOf(state.chargeRequested())))
                .bind("paymentIds", column(states, Order.State::paymentId))
                .bind(
                        "refundedAmounts",
                        column(
                                states,
                                state -> state.refunded() == null
                                        ? null
                                        : String.valueOf(state.refunded().amount())))
                .bind(
                        "refundedCurrencies",
                        column(
                                states,
                                state -> state.refunded() == null
                                        ? null
                                        : state.refunded().currency()))
                .bind("failureReasons", column(states, Order.State::failureReason))
                .bind(
                        "carriers",
                        column(
                                states,
                                state -> state.shipment() == null
                                        ? null
                                        : state.shipment().carrier()))
                .bind(
                        "trackingNumbers",
                        column(
                                states,
                                state -> state.shipment() == null
                                        ? null
                                        : state.shipment().trackingNumber()))
                .bind("histories", column(states, state -> json.history(state.history())))
                .bind(
                        "deliveredAts",
                        column(
                                changed.stream().map(Order::deliveredAt).toList(),
                                at -> at == null ? null : at.toString()))
                .bind("returns", column(states, state -> json.returns(state.returns())))
                .bind("refunds", column(states, state -> json.refunds(state.refunds())))
                .bind("paymentActions", column(states, state -> json.paymentAction(state.paymentAction())))
                .bind("addresses", column(states, state -> json.address(state.shippingAddress())))
                .bind(
                        "accountClosedAts",
                        column(
                                states,
                                state -> state.accountClosedAt() == null
                                        ? null
                                        : state.accountClosedAt().toString()))
                .bind(
                        "afterSaleDeadlines",
                        column(
                                changed,
                                order -> order.afterSaleDeadline() == null
                                        ? null
                                        : order.afterSaleDeadline().toString()))
                .bind("afterSaleOpen", column(changed, order -> String.valueOf(order.hasOpenAfterSale())))
                .then();
    }

    /** One column of the update as text, which the statement casts to the column's type. */
    private static <T> String[] column(List<T> rows, Function<T, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
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
        if (query.openAfterSale()) {
            conditions.add("after_sale_open");
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
                json.history(row.get("status_history", String.class)),
                json.returns(row.get("returns", String.class)),
                json.refunds(row.get("refunds", String.class)),
                json.paymentAction(row.get("payment_action", String.class)),
                row.get("account_closed_at", Instant.class)));
    }
}
