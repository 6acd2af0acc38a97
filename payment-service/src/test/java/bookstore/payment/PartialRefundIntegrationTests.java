package bookstore.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import bookstore.events.Money;
import bookstore.events.order.ChargePayment;
import bookstore.events.order.PaymentCommand;
import bookstore.events.order.RefundAmount;
import bookstore.events.order.RefundPayment;
import bookstore.events.payment.AmountRefunded;
import bookstore.events.payment.PaymentEvent;
import bookstore.events.payment.PaymentRefunded;
import bookstore.events.payment.PaymentSucceeded;
import bookstore.events.payment.RefundRefused;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Partial refunds end to end: {@code RefundAmount} commands arrive on Kafka as order-service sends
 * them for a return or an admin's refund, the sandbox gives the money back under each refund's own
 * key, and {@code AmountRefunded} or {@code RefundRefused} leaves through the outbox.
 */
@PaymentServiceIntegrationTest
class PartialRefundIntegrationTests extends PlayingTheSaga {

    static final Duration WAIT = Duration.ofSeconds(30);

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
        assertThat(status(charge.orderId())).isEqualTo("SUCCEEDED");
        assertThat(count("SELECT refunded_amount FROM payment WHERE order_id = :order", charge.orderId()))
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
        assertThat(count(
                        "SELECT count(*) FROM sandbox_refund r JOIN sandbox_payment_intent i ON i.id = r.payment_intent"
                                + " WHERE i.order_id = :order",
                        charge.orderId()))
                .isEqualTo(1);
        assertThat(count(
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
        var negative = part(charge, "return-3", -1);

        // Sent together: the first part counts while it is still in flight.
        saga.sendTogether(List.of(accepted, tooMuch, negative));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(saga.eventsFor(charge.orderId(), RefundRefused.class))
                    .extracting(RefundRefused::refundId, RefundRefused::reason)
                    .containsExactly(tuple("return-2", "exceeds_captured"), tuple("return-3", "invalid_amount"));
            assertThat(saga.eventsFor(charge.orderId(), AmountRefunded.class))
                    .singleElement()
                    .extracting(AmountRefunded::refundId)
                    .isEqualTo("return-1");
        });
        assertThat(refundedByProvider(charge.orderId())).isEqualTo(2_000);
        assertThat(count("SELECT refunded_amount FROM payment WHERE order_id = :order", charge.orderId()))
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
        assertThat(count("SELECT count(*) FROM cancelled_order WHERE order_id = :order", orderId))
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
        assertThat(status(charge.orderId())).isEqualTo("REFUNDED");
        assertThat(refundedByProvider(charge.orderId())).isEqualTo(6_000);
        assertThat(count(
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
        assertThat(status(charge.orderId())).isEqualTo("REFUNDED");
        assertThat(refundedByProvider(charge.orderId())).isEqualTo(2_000);
    }

    @Test
    void chargesMinusRefundsAddUpEverywhereAfterAMixedRunOfPartsAndCancellations() {
        // Captured in the call, confirmed later by webhook, declined: parts race all of them.
        String[] cards = {"pm_card_visa", PaymentSagaIntegrationTests.CONFIRMED_BY_WEBHOOK, "pm_card_chargeDeclined"};
        List<ChargePayment> charges = new ArrayList<>();
        Map<String, List<String>> refundIds = new HashMap<>();
        Set<String> cancelled = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            var charge = charge(cards[i % cards.length], 2_000 + 100L * i);
            charges.add(charge);
            var parts = List.of(
                    part(charge, "part-a-" + i, 300 + 10L * i),
                    part(charge, "part-b-" + i, 900),
                    // More than is left once the other two went through.
                    part(charge, "part-c-" + i, 2_000));
            refundIds.put(
                    charge.orderId(), parts.stream().map(RefundAmount::refundId).toList());
            List<PaymentCommand> sent = new ArrayList<>();
            sent.add(charge);
            sent.addAll(parts);
            if (i % 4 == 3) {
                // Cancelled with parts in flight: what is left goes back after them.
                sent.add(new RefundPayment(UUID.randomUUID(), Instant.now(), charge.orderId(), "cancelled"));
                cancelled.add(charge.orderId());
            }
            saga.sendTogether(sent);
        }

        // Every part and every cancellation is answered.
        await().atMost(WAIT.multipliedBy(2))
                .untilAsserted(() -> assertThat(charges).allSatisfy(charge -> {
                    var events = saga.eventsFor(charge.orderId());
                    assertThat(refundIds.get(charge.orderId())).allSatisfy(refundId -> assertThat(events)
                            .anySatisfy(event -> assertThat(refundIdOf(event)).isEqualTo(refundId)));
                    if (cancelled.contains(charge.orderId())) {
                        assertThat(events).hasAtLeastOneElementOfType(PaymentRefunded.class);
                    }
                }));
        List<String> orders = charges.stream().map(ChargePayment::orderId).toList();
        await().atMost(WAIT)
                .until(() -> sumOf(
                                "SELECT count(*) FROM payment WHERE next_provider_call_at IS NOT NULL"
                                        + " AND order_id = ANY(:orders)",
                                orders)
                        == 0);

        long keptByOurPayments = 0;
        for (var charge : charges) {
            var events = saga.eventsFor(charge.orderId());
            long charged = events.stream()
                    .filter(PaymentSucceeded.class::isInstance)
                    .findFirst()
                    .map(event -> ((PaymentSucceeded) event).amount().amount())
                    .orElse(0L);
            // The last total told: AmountRefunded.totalRefunded and PaymentRefunded.amount are totals.
            long givenBack = events.stream()
                    .mapToLong(event -> switch (event) {
                        case AmountRefunded part -> part.totalRefunded().amount();
                        case PaymentRefunded refunded -> refunded.amount().amount();
                        default -> 0L;
                    })
                    .max()
                    .orElse(0L);
            long kept = count(
                    "SELECT CASE WHEN status IN ('SUCCEEDED', 'REFUNDED') THEN amount - refunded_amount ELSE 0 END"
                            + " FROM payment WHERE order_id = :order",
                    charge.orderId());
            assertThat(charged - givenBack).as(charge.orderId()).isEqualTo(kept);
            assertThat(count("SELECT refunded_amount FROM payment WHERE order_id = :order", charge.orderId()))
                    .as(charge.orderId())
                    .isEqualTo(givenBack)
                    .isEqualTo(refundedByProvider(charge.orderId()));
            if (cancelled.contains(charge.orderId())) {
                assertThat(kept).isZero();
            }
            keptByOurPayments += kept;
        }
        assertThat(keptByOurPayments).isPositive();
        assertThat(keptByProvider(orders)).isEqualTo(keptByOurPayments);
        assertThat(sumOf(
                        "SELECT count(*) FROM payment_refund r JOIN payment p ON p.id = r.payment_id"
                                + " WHERE r.status = 'PENDING' AND p.order_id = ANY(:orders)",
                        orders))
                .isZero();
    }

    private static String refundIdOf(PaymentEvent event) {
        return switch (event) {
            case AmountRefunded part -> part.refundId();
            case RefundRefused refused -> refused.refundId();
            default -> null;
        };
    }

    /** An order charged with a card captured in the call, once its success is told. */
    private ChargePayment paid(long amount) {
        var charge = charge("pm_card_visa", amount);
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
}
