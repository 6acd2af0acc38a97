package bookstore.payment.provider.sandbox;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The sandbox provider's own books: its charges and refunds, in tables of their own so that it
 * survives restarts the way a real provider would, and so tests can hold our payments against
 * what the "provider" captured. Each operation is its own transaction, as a call to a provider is.
 */
class SandboxLedger {

    private static final String COLUMNS =
            "id, amount, currency, payment_method, status, decline_reason, payment_id, order_id, created_at";

    /**
     * Stripe's error code for an amount over what is allowed, which the sandbox gives a refund that
     * asks for more than is left of its charge.
     */
    static final String AMOUNT_TOO_LARGE = "amount_too_large";

    private final DatabaseClient database;
    private final TransactionalOperator transactions;

    SandboxLedger(DatabaseClient database, TransactionalOperator transactions) {
        this.database = database;
        this.transactions = transactions;
    }

    /**
     * Stores a new charge under its idempotency key, or finds the one stored under it before.
     *
     * @return the charge and whether it is new
     */
    Mono<Stored> createOrFind(SandboxIntent intent, String idempotencyKey) {
        var insert = database.sql("INSERT INTO sandbox_payment_intent (idempotency_key, " + COLUMNS + """
                        ) VALUES (:key, :id, :amount, :currency, :paymentMethod, :status, :declineReason, :paymentId,
                        :orderId, :createdAt)
                        ON CONFLICT (idempotency_key) DO NOTHING
                        """)
                .bind("key", idempotencyKey)
                .bind("id", intent.id())
                .bind("amount", intent.amount())
                .bind("currency", intent.currency())
                .bind("paymentMethod", intent.paymentMethod())
                .bind("status", intent.status())
                .bind("paymentId", intent.paymentId())
                .bind("orderId", intent.orderId())
                .bind("createdAt", intent.createdAt());
        insert = intent.declineReason() == null
                ? insert.bindNull("declineReason", String.class)
                : insert.bind("declineReason", intent.declineReason());
        return insert.fetch()
                .rowsUpdated()
                .flatMap(inserted -> inserted == 1
                        ? Mono.just(new Stored(intent, true))
                        : database.sql("SELECT " + COLUMNS
                                        + " FROM sandbox_payment_intent WHERE idempotency_key = :key")
                                .bind("key", idempotencyKey)
                                .map(SandboxLedger::toIntent)
                                .one()
                                .map(existing -> new Stored(existing, false)));
    }

    Mono<SandboxIntent> find(String id) {
        return database.sql("SELECT " + COLUMNS + " FROM sandbox_payment_intent WHERE id = :id")
                .bind("id", id)
                .map(SandboxLedger::toIntent)
                .one();
    }

    /** Moves a charge from one status to another; empty if it was not in {@code from}. */
    Mono<SandboxIntent> transition(String id, String from, String to) {
        return database.sql(
                        "UPDATE sandbox_payment_intent SET status = :to WHERE id = :id AND status = :from RETURNING "
                                + COLUMNS)
                .bind("id", id)
                .bind("from", from)
                .bind("to", to)
                .map(SandboxLedger::toIntent)
                .one();
    }

    /** Declines a charge that was in {@code from} for a reason; empty if it was not in {@code from}. */
    Mono<SandboxIntent> decline(String id, String from, String reason) {
        return database.sql("UPDATE sandbox_payment_intent SET status = :to, decline_reason = :reason"
                        + " WHERE id = :id AND status = :from RETURNING " + COLUMNS)
                .bind("id", id)
                .bind("from", from)
                .bind("to", SandboxIntent.DECLINED)
                .bind("reason", reason)
                .map(SandboxLedger::toIntent)
                .one();
    }

    /**
     * Refunds a captured charge, or part of it, under an idempotency key; a repeated key finds the
     * first refund. The refunds of a charge never add up to more than it captured: one that would is
     * refused, as Stripe refuses it, and nothing is given back.
     */
    Mono<Refunding> refund(String intentId, long amount, String idempotencyKey) {
        Mono<Refunding> refund = database.sql(
                        "SELECT status, amount FROM sandbox_payment_intent WHERE id = :id FOR UPDATE")
                .bind("id", intentId)
                .map(row -> new Charged(row.get("status", String.class), row.get("amount", Long.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> new IllegalArgumentException("no such payment intent " + intentId)))
                .flatMap(intent -> database.sql("SELECT amount FROM sandbox_refund WHERE idempotency_key = :key")
                        .bind("key", idempotencyKey)
                        .map(row -> Refunding.refunded(row.get("amount", Long.class)))
                        .one()
                        .switchIfEmpty(Mono.defer(() -> newRefund(intentId, intent, amount, idempotencyKey))));
        return transactions.transactional(refund);
    }

    private Mono<Refunding> newRefund(String intentId, Charged intent, long amount, String idempotencyKey) {
        if (!SandboxIntent.SUCCEEDED.equals(intent.status())) {
            return Mono.error(new IllegalStateException("payment intent " + intentId + " was not captured"));
        }
        return database.sql("SELECT coalesce(sum(amount), 0) FROM sandbox_refund WHERE payment_intent = :id")
                .bind("id", intentId)
                .map(row -> row.get(0, Long.class))
                .one()
                .flatMap(alreadyRefunded -> {
                    if (alreadyRefunded + amount > intent.amount()) {
                        return Mono.just(Refunding.refused(AMOUNT_TOO_LARGE));
                    }
                    return database.sql("""
                                    INSERT INTO sandbox_refund (id, idempotency_key, payment_intent, amount, created_at)
                                    VALUES (:id, :key, :intent, :amount, :createdAt)
                                    """)
                            .bind("id", "re_sbx_" + UUID.randomUUID().toString().replace("-", ""))
                            .bind("key", idempotencyKey)
                            .bind("intent", intentId)
                            .bind("amount", amount)
                            .bind("createdAt", Instant.now())
                            .then()
                            .thenReturn(Refunding.refunded(amount));
                });
    }

    private static SandboxIntent toIntent(Readable row) {
        return new SandboxIntent(
                row.get("id", String.class),
                row.get("amount", Long.class),
                row.get("currency", String.class),
                row.get("payment_method", String.class),
                row.get("status", String.class),
                row.get("decline_reason", String.class),
                row.get("payment_id", String.class),
                row.get("order_id", String.class),
                row.get("created_at", Instant.class));
    }

    record Stored(SandboxIntent intent, boolean isNew) {}

    /**
     * What became of a refund: the amount given back, or the code it was refused with.
     *
     * @param refusal null when the amount was given back
     */
    record Refunding(long amount, String refusal) {

        static Refunding refunded(long amount) {
            return new Refunding(amount, null);
        }

        static Refunding refused(String code) {
            return new Refunding(0, code);
        }
    }

    private record Charged(String status, long amount) {}
}
