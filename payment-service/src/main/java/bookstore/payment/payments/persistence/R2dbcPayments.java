package bookstore.payment.payments.persistence;

import bookstore.payment.payments.application.Payments;
import bookstore.payment.payments.application.TracedPayment;
import bookstore.payment.payments.domain.CustomerAction;
import bookstore.payment.payments.domain.Money;
import bookstore.payment.payments.domain.Payment;
import bookstore.payment.payments.domain.PaymentStatus;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Payments in PostgreSQL, with explicit row locks so concurrent changes to a payment queue up. Sets
 * of payments are written with one statement each, their fields passed as arrays and unnested.
 */
@Repository
class R2dbcPayments implements Payments {

    private static final String COLUMNS = """
            id, request_id, order_id, customer_id, amount, currency, payment_method, provider, status,
            provider_reference, failure_reason, refund_requested, refund_request_id, refunded_amount, provider_calls,
            next_provider_call_at, created_at, updated_at, traceparent, pay_by, action_kind, action_value,
            action_expires_at, action_renewal""";

    /** A payment's state as arrays, one element per payment, in the order of {@link #COLUMNS}. */
    private static final String UNNESTED_STATE = """
            unnest(CAST(:ids AS UUID[]), CAST(:requestIds AS UUID[]), CAST(:orderIds AS TEXT[]),
                   CAST(:customerIds AS TEXT[]), CAST(:amounts AS BIGINT[]), CAST(:currencies AS TEXT[]),
                   CAST(:paymentMethods AS TEXT[]), CAST(:providers AS TEXT[]), CAST(:statuses AS TEXT[]),
                   CAST(:providerReferences AS TEXT[]), CAST(:failureReasons AS TEXT[]),
                   CAST(:refundRequested AS BOOLEAN[]), CAST(:refundRequestIds AS UUID[]),
                   CAST(:refundedAmounts AS BIGINT[]),
                   CAST(:providerCalls AS INTEGER[]), CAST(:nextProviderCallAts AS TIMESTAMPTZ[]),
                   CAST(:createdAts AS TIMESTAMPTZ[]), CAST(:updatedAts AS TIMESTAMPTZ[]),
                   CAST(:traceparents AS TEXT[]), CAST(:payBys AS TIMESTAMPTZ[]), CAST(:actionKinds AS TEXT[]),
                   CAST(:actionValues AS TEXT[]), CAST(:actionExpiresAts AS TIMESTAMPTZ[]),
                   CAST(:actionRenewals AS BOOLEAN[]))
                AS n(""" + COLUMNS + ")";

    /**
     * The payment's columns and its partial refunds, read in the same statement (null when it has
     * none): payments that never had a refund cost no extra statement.
     */
    private static final String SELECTED = COLUMNS + ", " + R2dbcRefunds.OF_PAYMENT + " AS refunds";

    private static final String INSERT_NEW =
            "INSERT INTO payment (" + COLUMNS + ") SELECT " + COLUMNS + " FROM " + UNNESTED_STATE + """

             WHERE NOT EXISTS (SELECT 1 FROM cancelled_order c WHERE c.order_id = n.order_id)
            ON CONFLICT (order_id) DO NOTHING
            RETURNING order_id
            """;

    private static final String UPDATE = """
            UPDATE payment AS p SET status = n.status, provider_reference = n.provider_reference,
                   failure_reason = n.failure_reason, refund_requested = n.refund_requested,
                   refund_request_id = n.refund_request_id,
                   refunded_amount = n.refunded_amount, provider_calls = n.provider_calls,
                   next_provider_call_at = n.next_provider_call_at, updated_at = n.updated_at,
                   traceparent = n.traceparent, action_kind = n.action_kind, action_value = n.action_value,
                   action_expires_at = n.action_expires_at, action_renewal = n.action_renewal
              FROM
            """ + UNNESTED_STATE + """

             WHERE p.id = n.id
            """;

    private final DatabaseClient database;
    private final R2dbcRefunds refunds;

    R2dbcPayments(DatabaseClient database) {
        this.database = database;
        this.refunds = new R2dbcRefunds(database);
    }

    @Override
    public Mono<Void> lockOrders(Collection<String> orderIds) {
        // Taken in one order by every transaction, so two batches never wait for each other in a
        // circle; the two-key form keeps these locks apart from any other advisory lock.
        return database.sql("""
                        SELECT count(pg_advisory_xact_lock(hashtext('payment.order'), key))
                          FROM (SELECT DISTINCT hashtext(order_id) AS key
                                  FROM unnest(CAST(:orders AS TEXT[])) AS order_id
                                 ORDER BY key) AS keys
                        """).bind("orders", orderIds.toArray(String[]::new)).then();
    }

    @Override
    public Mono<Set<String>> insertNew(List<TracedPayment> payments) {
        if (payments.isEmpty()) {
            return Mono.just(Set.of());
        }
        return bindState(database.sql(INSERT_NEW), payments)
                .map(row -> row.get("order_id", String.class))
                .all()
                .collect(HashSet::new, Set::add);
    }

    @Override
    public Mono<Void> update(List<TracedPayment> payments) {
        if (payments.isEmpty()) {
            return Mono.empty();
        }
        return bindState(database.sql(UPDATE), payments)
                .fetch()
                .rowsUpdated()
                .flatMap(updated -> updated == payments.size()
                        ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException(
                                "updated " + updated + " of " + payments.size() + " payments: some are not stored")))
                .then(Mono.defer(() -> refunds.save(
                        payments.stream().map(TracedPayment::payment).toList())));
    }

    private static GenericExecuteSpec bindState(GenericExecuteSpec spec, List<TracedPayment> payments) {
        List<Payment.State> states =
                payments.stream().map(stored -> stored.payment().state()).toList();
        Map<String, String[]> columns = new LinkedHashMap<>();
        columns.put("ids", column(states, Payment.State::id));
        columns.put("requestIds", column(states, Payment.State::requestId));
        columns.put("orderIds", column(states, Payment.State::orderId));
        columns.put("customerIds", column(states, Payment.State::customerId));
        columns.put("amounts", column(states, state -> state.amount().amount()));
        columns.put("currencies", column(states, state -> state.amount().currency()));
        columns.put("paymentMethods", column(states, Payment.State::paymentMethod));
        columns.put("providers", column(states, Payment.State::provider));
        columns.put("statuses", column(states, state -> state.status().name()));
        columns.put("providerReferences", column(states, Payment.State::providerReference));
        columns.put("failureReasons", column(states, Payment.State::failureReason));
        columns.put("refundRequested", column(states, Payment.State::refundRequested));
        columns.put("refundRequestIds", column(states, Payment.State::refundRequestId));
        columns.put("refundedAmounts", column(states, state -> state.refunded().amount()));
        columns.put("providerCalls", column(states, Payment.State::providerCalls));
        columns.put("nextProviderCallAts", column(states, Payment.State::nextProviderCallAt));
        columns.put("createdAts", column(states, Payment.State::createdAt));
        columns.put("updatedAts", column(states, Payment.State::updatedAt));
        columns.put("payBys", column(states, Payment.State::payBy));
        columns.put(
                "actionKinds",
                column(
                        states,
                        state -> state.action() == null
                                ? null
                                : state.action().kind().name()));
        columns.put(
                "actionValues",
                column(
                        states,
                        state -> state.action() == null ? null : state.action().value()));
        columns.put(
                "actionExpiresAts",
                column(
                        states,
                        state -> state.action() == null ? null : state.action().expiresAt()));
        columns.put("actionRenewals", column(states, Payment.State::actionRenewal));
        columns.put(
                "traceparents",
                payments.stream().map(TracedPayment::traceparent).toArray(String[]::new));
        for (var column : columns.entrySet()) {
            spec = spec.bind(column.getKey(), column.getValue());
        }
        return spec;
    }

    /** One field of every payment, as text PostgreSQL casts to the column's type; nulls stay null. */
    private static String[] column(List<Payment.State> states, Function<Payment.State, Object> field) {
        return R2dbcRefunds.texts(states, field);
    }

    @Override
    public Mono<List<TracedPayment>> lockByOrders(Collection<String> orderIds) {
        return database.sql("SELECT " + SELECTED
                        + " FROM payment WHERE order_id = ANY(CAST(:orders AS TEXT[])) ORDER BY id FOR UPDATE")
                .bind("orders", orderIds.toArray(String[]::new))
                .map(R2dbcPayments::toTraced)
                .all()
                .collectList();
    }

    @Override
    public Mono<List<TracedPayment>> lockByIds(Collection<UUID> ids) {
        return database.sql("SELECT " + SELECTED
                        + " FROM payment WHERE id = ANY(CAST(:ids AS UUID[])) ORDER BY id FOR UPDATE")
                .bind("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
                .map(R2dbcPayments::toTraced)
                .all()
                .collectList();
    }

    @Override
    public Mono<TracedPayment> lockById(UUID id) {
        return database.sql("SELECT " + SELECTED + " FROM payment WHERE id = :id FOR UPDATE")
                .bind("id", id)
                .map(R2dbcPayments::toTraced)
                .one();
    }

    @Override
    public Mono<TracedPayment> lockByReference(String provider, String reference) {
        return database.sql("SELECT " + SELECTED
                        + " FROM payment WHERE provider = :provider AND provider_reference = :reference FOR UPDATE")
                .bind("provider", provider)
                .bind("reference", reference)
                .map(R2dbcPayments::toTraced)
                .one();
    }

    @Override
    public Mono<List<TracedPayment>> lockDue(Instant now, int limit) {
        return database.sql("SELECT " + SELECTED + """
                         FROM payment WHERE next_provider_call_at <= :now
                        ORDER BY next_provider_call_at LIMIT :limit FOR UPDATE SKIP LOCKED
                        """)
                .bind("now", now)
                .bind("limit", limit)
                .map(R2dbcPayments::toTraced)
                .all()
                // Read to the end before the caller updates the rows in the same transaction: one
                // connection runs one statement at a time.
                .collectList();
    }

    @Override
    public Mono<Void> recordCancelledOrders(List<CancelledOrder> orders) {
        if (orders.isEmpty()) {
            return Mono.empty();
        }
        return database.sql("""
                        INSERT INTO cancelled_order (order_id, reason, cancelled_at)
                        SELECT * FROM unnest(CAST(:orders AS TEXT[]), CAST(:reasons AS TEXT[]),
                                             CAST(:ats AS TIMESTAMPTZ[]))
                        ON CONFLICT (order_id) DO NOTHING
                        """)
                .bind("orders", orders.stream().map(CancelledOrder::orderId).toArray(String[]::new))
                .bind("reasons", orders.stream().map(CancelledOrder::reason).toArray(String[]::new))
                .bind("ats", orders.stream().map(order -> order.at().toString()).toArray(String[]::new))
                .then();
    }

    @Override
    public Mono<Payment> findById(UUID id) {
        return database.sql("SELECT " + SELECTED + " FROM payment WHERE id = :id")
                .bind("id", id)
                .map(R2dbcPayments::toPayment)
                .one();
    }

    @Override
    public Mono<List<Payment>> find(PaymentCriteria criteria, int page, int size) {
        var filter = Filter.of(criteria);
        var query = database.sql("SELECT " + SELECTED + " FROM payment" + filter.where()
                        + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .bind("limit", size)
                .bind("offset", (long) page * size);
        return filter.bind(query).map(R2dbcPayments::toPayment).all().collectList();
    }

    @Override
    public Mono<Long> count(PaymentCriteria criteria) {
        var filter = Filter.of(criteria);
        return filter.bind(database.sql("SELECT count(*) FROM payment" + filter.where()))
                .map(row -> row.get(0, Long.class))
                .one();
    }

    private static TracedPayment toTraced(Readable row) {
        return new TracedPayment(toPayment(row), row.get("traceparent", String.class));
    }

    private static Payment toPayment(Readable row) {
        String currency = row.get("currency", String.class);
        return Payment.restore(new Payment.State(
                row.get("id", UUID.class),
                row.get("request_id", UUID.class),
                row.get("order_id", String.class),
                row.get("customer_id", String.class),
                new Money(row.get("amount", Long.class), currency),
                row.get("payment_method", String.class),
                row.get("provider", String.class),
                PaymentStatus.valueOf(row.get("status", String.class)),
                row.get("provider_reference", String.class),
                row.get("failure_reason", String.class),
                Objects.requireNonNull(row.get("refund_requested", Boolean.class)),
                row.get("refund_request_id", UUID.class),
                new Money(row.get("refunded_amount", Long.class), currency),
                Objects.requireNonNull(row.get("provider_calls", Integer.class)),
                row.get("next_provider_call_at", Instant.class),
                row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class),
                R2dbcRefunds.read(row.get("refunds", String.class)),
                row.get("pay_by", Instant.class),
                actionOf(row),
                Objects.requireNonNull(row.get("action_renewal", Boolean.class))));
    }

    private static CustomerAction actionOf(Readable row) {
        String kind = row.get("action_kind", String.class);
        return kind == null
                ? null
                : new CustomerAction(
                        CustomerAction.Kind.valueOf(kind),
                        row.get("action_value", String.class),
                        row.get("action_expires_at", Instant.class));
    }

    /** The WHERE clause of a listing, with only the conditions asked for. */
    private record Filter(Map<String, String> conditions) {

        static Filter of(PaymentCriteria criteria) {
            Map<String, String> conditions = new LinkedHashMap<>();
            if (criteria.customerId() != null) {
                conditions.put("customerId", criteria.customerId());
            }
            if (criteria.orderId() != null) {
                conditions.put("orderId", criteria.orderId());
            }
            return new Filter(conditions);
        }

        String where() {
            List<String> clauses = new ArrayList<>();
            if (conditions.containsKey("customerId")) {
                clauses.add("customer_id = :customerId");
            }
            if (conditions.containsKey("orderId")) {
                clauses.add("order_id = :orderId");
            }
            return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
        }

        GenericExecuteSpec bind(GenericExecuteSpec spec) {
            for (var condition : conditions.entrySet()) {
                spec = spec.bind(condition.getKey(), condition.getValue());
            }
            return spec;
        }
    }
}
