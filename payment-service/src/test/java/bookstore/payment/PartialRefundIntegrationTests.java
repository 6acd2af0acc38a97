package bookstore.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.events.Money;
import bookstore.events.order.ChargePayment;
import bookstore.events.order.RefundAmount;
import bookstore.events.order.RefundPayment;
import bookstore.events.payment.AmountRefunded;
import bookstore.events.payment.PaymentRefunded;
import bookstore.events.payment.PaymentSucceeded;
import bookstore.events.payment.RefundRefused;
import bookstore.platform.messaging.EventCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Partial refunds end to end: {@code RefundAmount} commands arrive on Kafka as order-service sends
 * them for a return or an admin's refund, the sandbox gives the money back under each refund's own
 * key, and {@code AmountRefunded} or {@code RefundRefused} leaves through the outbox.
 */
@PaymentServiceIntegrationTest
class PartialRefundIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    EventCodec codec;

    @Autowired
    DatabaseClient database;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    SagaTopics saga;

    @BeforeEach
    void playTheSaga() {
        saga = new SagaTopics(kafka, codec, bootstrapServers);
    }

    @AfterEach
    void stopPlaying() {
        saga.close();
    }

    @Test
    void partOfACapturedPaymentIsGivenBackAndToldWithTheTotal() {
        var charge = paid(5_000);
        String returnId = UUID.randomUUID().toString();

        saga.send(part(charge, returnId, 1_200));

        await().atMost(WAIT).untilAsserted(() -> assertThat(saga.eventsFor(charge.orderId(), AmountRefunded.class))
                .singleElement()
                .satisfies(refunded -> {
                    assertThat(refunded.refundId()).isEqualTo(returnId);
                    assertThat(refunded.amount()).isEqualTo(cny(1_200));
                    assertThat(refunded.totalRefunded()).isEqualTo(cny(1_200));
                }));
        assertThat(text("SELECT status FROM payment WHERE order_id = :order", charge.orderId()))
                .isEqualTo("SUCCEEDED");
        assertThat(number("SELECT refunded_amount FROM payment WHERE order_id = :order", charge.orderId()))
                .isEqualTo(1_200);
        assertThat(text(
                        "SELECT r.status || ' ' || r.idempotency_key FROM payment_refund r JOIN payment p"
                                + " ON p.id = r.payment_id WHERE p.order_id = :order",
                        charge.orderId()))
                .isEqualTo("SUCCEEDED payment-" + paymentId(charge.orderId()) + "-refund-" + returnId);
        assertThat(refundedByProvider(charge.orderId())).isEqualTo(1_200);
    }

    @Test
    void theSameRefundAgainGivesNothingBackTwice() {
        var charge = paid(4_000);
        var first = part(charge, "return-" + UUID.randomUUID(), 1_000);
        var askedAgain = new RefundAmount(
                UUID.randomUUID(), Instant.now(), charge.orderId(), first.refundId(), first.amount(), "again");

        // Delivered twice at once, as a redelivery brings it: one refund, one answer.
        saga.sendTogether(List.of(first, first));
        await().atMost(WAIT).until(() -> !saga.eventsFor(charge.orderId(), AmountRefunded.class)
                .isEmpty());
        saga.send(first);
        // Another request for the same refund once it is settled: told again, refunded not again.
        saga.send(askedAgain);

        await().atMost(WAIT).untilAsserted(() -> assertThat(saga.eventsFor(charge.orderId(), AmountRefunded.class))
                .hasSize(2)
                .allSatisfy(refunded -> assertThat(refunded.totalRefunded()).isEqualTo(cny(1_000))));
        await().atMost(WAIT).until(saga::commandsTaken);
        assertThat(saga.eventsFor(charge.orderId(), AmountRefunded.class)).hasSize(2);
        assertThat(refundedByProvider(charge.orderId())).isEqualTo(1_000);
        assertThat(number(
                        "SELECT count(*) FROM sandbox_refund r JOIN sandbox_payment_intent i ON i.id = r.payment_intent"
                                + " WHERE i.order_id = :order",
                        charge.orderId()))
                .isEqualTo(1);
        assertThat(number(
                        "SELECT count(*) FROM payment_refund r JOIN payment p ON p.id = r.payment_id"
                                + " WHERE p.order_id = :order",
                        charge.orderId()))
                .isEqualTo(1);
    }

    @Test
    void moreThanIsStillCapturedIsRefusedAndChangesNothing() {
        var charge = paid(3_000);
        var accepted = part(charge, "return-1", 2_000);
        var tooMuch = part(charge, "return-2", 1_001);

        // Sent together: the first part counts while it is still in flight.
        saga.sendTogether(List.of(accepted, tooMuch));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(saga.eventsFor(charge.orderId(), RefundRefused.class))
                    .singleElement()
                    .satisfies(refused -> {
                        assertThat(refused.refundId()).isEqualTo("return-2");
                        assertThat(refused.reason()).isEqualTo("exceeds_captured");
                    });
            assertThat(saga.eventsFor(charge.orderId(), AmountRefunded.class))
                    .singleElement()
                    .extracting(AmountRefunded::refundId)
                    .isEqualTo("return-1");
        });
        assertThat(refundedByProvider(charge.orderId())).isEqualTo(2_000);
        assertThat(number("SELECT refunded_amount FROM payment WHERE order_id = :order", charge.orderId()))
                .isEqualTo(2_000);
    }

    @Test
    void orderNeverChargedHasNothingToGiveBackAndStaysChargeable() {
        String orderId = "order-" + UUID.randomUUID();
        var refund = new RefundAmount(UUID.randomUUID(), Instant.now(), orderId, "refund-1", cny(100), "damaged");

        saga.send(refund);

        await().atMost(WAIT).untilAsserted(() -> assertThat(saga.eventsFor(orderId))
                .singleElement()
                .isInstanceOfSatisfying(RefundRefused.class, refused -> assertThat(refused.reason())
                        .isEqualTo("nothing_captured")));
        // Unlike a cancellation, a refused partial refund leaves no mark on the order.
        assertThat(number("SELECT count(*) FROM cancelled_order WHERE order_id = :order", orderId))
                .isZero();
    }

    @Test
    void cancellationAfterAPartGivesBackTheRestAndTellsTheTotal() {
        var charge = paid(6_000);
        saga.send(part(charge, "damaged-copy", 1_500));
        await().atMost(WAIT).until(() -> !saga.eventsFor(charge.orderId(), AmountRefunded.class)
                .isEmpty());

        saga.send(new RefundPayment(UUID.randomUUID(), Instant.now(), charge.orderId(), "cancelled by admin"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(saga.eventsFor(charge.orderId(), PaymentRefunded.class))
                .singleElement()
                .extracting(PaymentRefunded::amount)
                .isEqualTo(cny(6_000)));
        assertThat(text("SELECT status FROM payment WHERE order_id = :order", charge.orderId()))
                .isEqualTo("REFUNDED");
        assertThat(refundedByProvider(charge.orderId())).isEqualTo(6_000);
        assertThat(number(
                        "SELECT count(*) FROM sandbox_refund r JOIN sandbox_payment_intent i ON i.id = r.payment_intent"
                                + " WHERE i.order_id = :order",
                        charge.orderId()))
                .isEqualTo(2);
    }

    @Test
    void everythingGivenBackInPartsLeavesThePaymentRefunded() {
        var charge = paid(2_000);

        saga.sendTogether(List.of(part(charge, "return-1", 1_500), part(charge, "return-2", 500)));

        await().atMost(WAIT).untilAsserted(() -> assertThat(saga.eventsFor(charge.orderId(), AmountRefunded.class))
                .extracting(AmountRefunded::totalRefunded)
                .containsExactly(cny(1_500), cny(2_000)));
        assertThat(text("SELECT status FROM payment WHERE order_id = :order", charge.orderId()))
                .isEqualTo("REFUNDED");
        assertThat(refundedByProvider(charge.orderId())).isEqualTo(2_000);
    }

    /** An order charged with a card captured in the call, once its success is told. */
    private ChargePayment paid(long amount) {
        var charge = new ChargePayment(
                UUID.randomUUID(),
                Instant.now(),
                "order-" + UUID.randomUUID(),
                "customer-" + UUID.randomUUID(),
                cny(amount),
                "pm_card_visa");
        saga.send(charge);
        await().atMost(WAIT).until(() -> !saga.eventsFor(charge.orderId(), PaymentSucceeded.class)
                .isEmpty());
        return charge;
    }

    private static RefundAmount part(ChargePayment charge, String refundId, long amount) {
        return new RefundAmount(UUID.randomUUID(), Instant.now(), charge.orderId(), refundId, cny(amount), "returned");
    }

    private static Money cny(long amount) {
        return new Money(amount, "CNY");
    }

    private String paymentId(String orderId) {
        return text("SELECT id::text FROM payment WHERE order_id = :order", orderId);
    }

    private long refundedByProvider(String orderId) {
        return number(
                "SELECT coalesce(sum(r.amount), 0) FROM sandbox_refund r JOIN sandbox_payment_intent i"
                        + " ON i.id = r.payment_intent WHERE i.order_id = :order",
                orderId);
    }

    private String text(String sql, String orderId) {
        return database.sql(sql)
                .bind("order", orderId)
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }

    private long number(String sql, String orderId) {
        return database.sql(sql)
                .bind("order", orderId)
                .map(row -> row.get(0, Number.class).longValue())
                .one()
                .block();
    }
}
