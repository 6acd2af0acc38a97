package bookstore.payment.payments.persistence;

import bookstore.payment.payments.domain.Money;
import bookstore.payment.payments.domain.Payment;
import bookstore.payment.payments.domain.Refund;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The partial refunds of payments, kept in {@code payment_refund}: read as part of the statement that
 * reads their payment, written with one statement when a payment saved has any.
 */
final class R2dbcRefunds {

    /**
     * A select-list subquery giving the refunds of the {@code payment} row as a JSON array, in the
     * order they were asked for; null when it has none.
     */
    static final String OF_PAYMENT = """
            (SELECT json_agg(json_build_object(
                     'id', r.id, 'refundId', r.refund_id, 'requestId', r.request_id, 'amount', r.amount,
                     'currency', r.currency, 'reason', r.reason, 'status', r.status,
                     'failureReason', r.failure_reason, 'requestedAt', r.requested_at, 'updatedAt', r.updated_at)
                     ORDER BY r.requested_at, r.id)::text
               FROM payment_refund r WHERE r.payment_id = payment.id)""";

    /**
     * Partial refunds as arrays, one element per refund: new ones are inserted, the others take their
     * outcome; those that did not change are not written.
     */
    private static final String UPSERT = """
            INSERT INTO payment_refund (id, payment_id, refund_id, request_id, amount, currency, reason, status,
                                        failure_reason, idempotency_key, requested_at, updated_at)
            SELECT * FROM unnest(CAST(:ids AS UUID[]), CAST(:paymentIds AS UUID[]), CAST(:refundIds AS TEXT[]),
                                 CAST(:requestIds AS UUID[]), CAST(:amounts AS BIGINT[]),
                                 CAST(:currencies AS TEXT[]), CAST(:reasons AS TEXT[]), CAST(:statuses AS TEXT[]),
                                 CAST(:failureReasons AS TEXT[]), CAST(:keys AS TEXT[]),
                                 CAST(:requestedAts AS TIMESTAMPTZ[]), CAST(:updatedAts AS TIMESTAMPTZ[]))
            ON CONFLICT (id) DO UPDATE SET status = excluded.status, failure_reason = excluded.failure_reason,
                                           updated_at = excluded.updated_at
             WHERE payment_refund.status IS DISTINCT FROM excluded.status
                OR payment_refund.updated_at IS DISTINCT FROM excluded.updated_at
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DatabaseClient database;

    R2dbcRefunds(DatabaseClient database) {
        this.database = database;
    }

    /** Saves the partial refunds of the payments, if any has one, with one statement. */
    Mono<Void> save(List<Payment> payments) {
        List<Payment> withRefunds = payments.stream()
                .filter(payment -> !payment.refunds().isEmpty())
                .toList();
        if (withRefunds.isEmpty()) {
            return Mono.empty();
        }
        List<UUID> owners = new ArrayList<>();
        List<Refund> refunds = new ArrayList<>();
        for (Payment payment : withRefunds) {
            for (Refund refund : payment.refunds()) {
                owners.add(payment.id());
                refunds.add(refund);
            }
        }
        return database.sql(UPSERT)
                .bind("ids", texts(refunds, Refund::id))
                .bind("paymentIds", owners.stream().map(UUID::toString).toArray(String[]::new))
                .bind("refundIds", texts(refunds, Refund::refundId))
                .bind("requestIds", texts(refunds, Refund::requestId))
                .bind("amounts", texts(refunds, refund -> refund.amount().amount()))
                .bind("currencies", texts(refunds, refund -> refund.amount().currency()))
                .bind("reasons", texts(refunds, Refund::reason))
                .bind("statuses", texts(refunds, refund -> refund.status().name()))
                .bind("failureReasons", texts(refunds, Refund::failureReason))
                .bind("keys", keys(owners, refunds))
                .bind("requestedAts", texts(refunds, Refund::requestedAt))
                .bind("updatedAts", texts(refunds, Refund::updatedAt))
                .then();
    }

    private static String[] keys(List<UUID> owners, List<Refund> refunds) {
        String[] keys = new String[refunds.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = refunds.get(i).idempotencyKey(owners.get(i));
        }
        return keys;
    }

    /** The refunds {@link #OF_PAYMENT} read; none for null. */
    static List<Refund> read(String json) {
        if (json == null) {
            return List.of();
        }
        List<Refund> refunds = new ArrayList<>();
        for (JsonNode refund : JSON.readTree(json)) {
            String requestId = nullable(refund, "requestId");
            refunds.add(new Refund(
                    UUID.fromString(refund.get("id").asString()),
                    refund.get("refundId").asString(),
                    requestId == null ? null : UUID.fromString(requestId),
                    new Money(
                            refund.get("amount").asLong(),
                            refund.get("currency").asString()),
                    nullable(refund, "reason"),
                    Refund.Status.valueOf(refund.get("status").asString()),
                    nullable(refund, "failureReason"),
                    OffsetDateTime.parse(refund.get("requestedAt").asString()).toInstant(),
                    OffsetDateTime.parse(refund.get("updatedAt").asString()).toInstant()));
        }
        return refunds;
    }

    private static String nullable(JsonNode object, String field) {
        JsonNode value = object.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asString();
    }

    /** One field of every item, as text PostgreSQL casts to the column's type; nulls stay null. */
    static <T> String[] texts(List<T> items, Function<T, Object> field) {
        return items.stream()
                .map(field)
                .map(value -> value == null ? null : value.toString())
                .toArray(String[]::new);
    }
}
