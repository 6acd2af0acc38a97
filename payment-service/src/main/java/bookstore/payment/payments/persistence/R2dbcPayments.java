package bookstore.payment.payments.persistence;

import bookstore.payment.payments.application.Payments;
import bookstore.payment.payments.domain.Money;
import bookstore.payment.payments.domain.Payment;
import bookstore.payment.payments.domain.PaymentStatus;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Payments in PostgreSQL, with explicit row locks so concurrent changes to a payment queue up. */
@Repository
class R2dbcPayments implements Payments {

    private static final String COLUMNS = """
            id, order_id, customer_id, amount, currency, payment_method, provider, status, provider_reference,
            failure_reason, refund_requested, refunded_amount, provider_calls, next_provider_call_at, created_at,
            updated_at, traceparent""";

    private final DatabaseClient database;

    R2dbcPayments(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> lockOrder(String orderId) {
        // The two-key form keeps these locks apart from any other advisory lock on the database.
        return database.sql("SELECT pg_advisory_xact_lock(hashtext('payment.order'), hashtext(:orderId))")
                .bind("orderId", orderId)
                .then();
    }

    @Override
    public Mono<Boolean> insert(Payment payment) {
        var insert = database.sql("INSERT INTO payment (" + COLUMNS + """
                        ) VALUES (:id, :orderId, :customerId, :amount, :currency, :paymentMethod, :provider, :status,
                        :providerReference, :failureReason, :refundRequested, :refundedAmount, :providerCalls,
                        :nextProviderCallAt, :createdAt, :updatedAt, :traceparent)
                        ON CONFLICT (order_id) DO NOTHING
                        """)
                .bind("orderId", payment.orderId())
                .bind("amount", payment.amount().amount())
                .bind("currency", payment.amount().currency())
                .bind("paymentMethod", payment.paymentMethod())
                .bind("provider", payment.provider())
                .bind("createdAt", payment.createdAt());
        insert = bindNullable(insert, "customerId", payment.customerId(), String.class);
        return bindState(insert, payment).fetch().rowsUpdated().map(inserted -> inserted == 1);
    }

    @Override
    public Mono<Void> update(Payment payment) {
        var update = database.sql("""
                UPDATE payment SET status = :status, provider_reference = :providerReference,
                    failure_reason = :failureReason, refund_requested = :refundRequested,
                    refunded_amount = :refundedAmount, provider_calls = :providerCalls,
                    next_provider_call_at = :nextProviderCallAt, updated_at = :updatedAt,
                    traceparent = :traceparent
                WHERE id = :id
                """);
        return bindState(update, payment)
                .fetch()
                .rowsUpdated()
                .flatMap(updated -> updated == 1
                        ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("payment " + payment.id() + " is not stored")));
    }

    private static GenericExecuteSpec bindState(GenericExecuteSpec spec, Payment payment) {
        spec = spec.bind("id", payment.id())
                .bind("status", payment.status().name())
                .bind("refundRequested", payment.refundRequested())
                .bind("refundedAmount", payment.refunded().amount())
                .bind("providerCalls", payment.providerCalls())
                .bind("updatedAt", payment.updatedAt());
        spec = bindNullable(spec, "providerReference", payment.providerReference(), String.class);
        spec = bindNullable(spec, "failureReason", payment.failureReason(), String.class);
        spec = bindNullable(spec, "traceparent", payment.traceparent(), String.class);
        return bindNullable(spec, "nextProviderCallAt", payment.nextProviderCallAt(), Instant.class);
    }

    @Override
    public Mono<Payment> lockByOrder(String orderId) {
        return database.sql("SELECT " + COLUMNS + " FROM payment WHERE order_id = :orderId FOR UPDATE")
                .bind("orderId", orderId)
                .map(R2dbcPayments::toPayment)
                .one();
    }

    @Override
    public Mono<Payment> lockById(UUID id) {
        return database.sql("SELECT " + COLUMNS + " FROM payment WHERE id = :id FOR UPDATE")
                .bind("id", id)
                .map(R2dbcPayments::toPayment)
                .one();
    }

    @Override
    public Mono<Payment> lockByReference(String provider, String reference) {
        return database.sql("SELECT " + COLUMNS
                        + " FROM payment WHERE provider = :provider AND provider_reference = :reference FOR UPDATE")
                .bind("provider", provider)
                .bind("reference", reference)
                .map(R2dbcPayments::toPayment)
                .one();
    }

    @Override
    public Flux<Payment> lockDue(Instant now, int limit) {
        return database.sql("SELECT " + COLUMNS + """
                         FROM payment WHERE next_provider_call_at <= :now
                        ORDER BY next_provider_call_at LIMIT :limit FOR UPDATE SKIP LOCKED
                        """)
                .bind("now", now)
                .bind("limit", limit)
                .map(R2dbcPayments::toPayment)
                .all()
                // Read to the end before the caller updates the rows in the same transaction: one
                // connection runs one statement at a time, so an update issued while the select
                // still streams waits for it, and the select waits for the update's caller to ask
                // for more rows.
                .collectList()
                .flatMapMany(Flux::fromIterable);
    }

    @Override
    public Mono<Boolean> recordCancelledOrder(String orderId, String reason, Instant at) {
        var insert = database.sql("""
                        INSERT INTO cancelled_order (order_id, reason, cancelled_at) VALUES (:orderId, :reason, :at)
                        ON CONFLICT (order_id) DO NOTHING
                        """).bind("orderId", orderId).bind("at", at);
        return bindNullable(insert, "reason", reason, String.class)
                .fetch()
                .rowsUpdated()
                .map(inserted -> inserted == 1);
    }

    @Override
    public Mono<Boolean> isCancelledOrder(String orderId) {
        return database.sql("SELECT EXISTS (SELECT 1 FROM cancelled_order WHERE order_id = :orderId)")
                .bind("orderId", orderId)
                .map(row -> row.get(0, Boolean.class))
                .one();
    }

    @Override
    public Mono<Payment> findById(UUID id) {
        return database.sql("SELECT " + COLUMNS + " FROM payment WHERE id = :id")
                .bind("id", id)
                .map(R2dbcPayments::toPayment)
                .one();
    }

    @Override
    public Mono<List<Payment>> find(PaymentCriteria criteria, int page, int size) {
        var filter = Filter.of(criteria);
        var query = database.sql("SELECT " + COLUMNS + " FROM payment" + filter.where()
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

    private static <T> GenericExecuteSpec bindNullable(GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private static Payment toPayment(Readable row) {
        String currency = row.get("currency", String.class);
        return Payment.restore(
                row.get("id", UUID.class),
                row.get("order_id", String.class),
                row.get("customer_id", String.class),
                new Money(row.get("amount", Long.class), currency),
                row.get("payment_method", String.class),
                row.get("provider", String.class),
                PaymentStatus.valueOf(row.get("status", String.class)),
                row.get("provider_reference", String.class),
                row.get("failure_reason", String.class),
                row.get("refund_requested", Boolean.class),
                new Money(row.get("refunded_amount", Long.class), currency),
                row.get("provider_calls", Integer.class),
                row.get("next_provider_call_at", Instant.class),
                row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class),
                row.get("traceparent", String.class));
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
