package bookstore.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.events.Money;
import bookstore.events.order.ChargePayment;
import bookstore.events.order.RefundPayment;
import bookstore.events.payment.AmountRefunded;
import bookstore.events.payment.PaymentActionRequired;
import bookstore.events.payment.PaymentEvent;
import bookstore.events.payment.PaymentFailed;
import bookstore.events.payment.PaymentRefunded;
import bookstore.events.payment.PaymentSucceeded;
import bookstore.events.payment.RefundRefused;
import bookstore.payment.payments.application.ChargeRequest;
import bookstore.payment.payments.application.RefundRequest;
import bookstore.payment.payments.application.SagaCommand;
import bookstore.payment.payments.application.TakingSagaCommands;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The payment side of the order saga, end to end: commands arrive on Kafka as order-service sends
 * them, the sandbox provider charges (cards in the call; its processing card confirmed later through
 * its signed webhook, over HTTP, to this service) and the outcomes leave on Kafka through the outbox.
 */
@PaymentServiceIntegrationTest
class PaymentSagaIntegrationTests extends PlayingTheSaga {

    static final Duration WAIT = Duration.ofSeconds(30);

    /** The sandbox's card whose charge stays processing until its webhook confirms it. */
    static final String CONFIRMED_BY_WEBHOOK = "pm_card_visa_processing";

    @Autowired
    TakingSagaCommands commands;

    @Autowired
    MeterRegistry metrics;

    @Test
    void approvedCardIsChargedAndConfirmedThroughTheSandboxWebhook() {
        var charge = charge(CONFIRMED_BY_WEBHOOK, 2_500);

        saga.send(charge);

        await().atMost(WAIT).untilAsserted(() -> assertThat(saga.eventsFor(charge.orderId(), PaymentSucceeded.class))
                .singleElement()
                .satisfies(succeeded -> {
                    assertThat(succeeded.amount()).isEqualTo(new Money(2_500, "CNY"));
                    assertThat(succeeded.paymentId()).isEqualTo(paymentId(charge.orderId()));
                }));
        assertThat(status(charge.orderId())).isEqualTo("SUCCEEDED");
        // The confirmation came by webhook: the sandbox accepted the charge as processing, and its
        // succeeded event was taken (signature checked) before the payment moved.
        assertThat(webhookEventsFor(charge.orderId())).contains("payment_intent.succeeded");
        assertThat(capturedByProvider(charge.orderId())).isEqualTo(2_500);
    }

    @Test
    void approvedCardIsCapturedInTheCallAndTheLaterWebhookChangesNothing() {
        var charge = charge("pm_card_visa", 2_600);
        long webhooksBefore = webhooksAcknowledged();

        saga.send(charge);

        await().atMost(WAIT).untilAsserted(() -> assertThat(saga.eventsFor(charge.orderId(), PaymentSucceeded.class))
                .singleElement()
                .satisfies(succeeded -> assertThat(succeeded.amount()).isEqualTo(new Money(2_600, "CNY"))));
        assertThat(status(charge.orderId())).isEqualTo("SUCCEEDED");
        assertThat(capturedByProvider(charge.orderId())).isEqualTo(2_600);
        // The sandbox reports the capture by webhook too, as Stripe does: acknowledged as an outcome
        // already on record, it is not even recorded, and tells the saga nothing new.
        await().atMost(WAIT).until(() -> webhooksAcknowledged() > webhooksBefore);
        assertThat(webhookEventsFor(charge.orderId())).isEmpty();
        awaitOutboxSent(List.of(charge.orderId()));
        assertThat(saga.eventsFor(charge.orderId())).singleElement().isInstanceOf(PaymentSucceeded.class);
    }

    @Test
    void chargesSentTogetherWithOneDeliveredTwiceChargeEachOrderOnceAndAnswerEachOnce() {
        List<ChargePayment> charges = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            charges.add(charge(i % 3 == 0 ? "pm_card_chargeDeclined" : "pm_card_visa", 1_300 + i));
        }
        List<ChargePayment> sent = new ArrayList<>(charges);
        sent.add(4, charges.get(1)); // the same command again, as a redelivery brings it
        sent.add(charges.get(6));

        saga.sendTogether(sent);

        List<String> orders = charges.stream().map(ChargePayment::orderId).toList();
        await().atMost(WAIT)
                .until(() -> saga.commandsTaken()
                        && orders.stream()
                                .allMatch(order -> !saga.eventsFor(order).isEmpty()));
        awaitOutboxSent(orders);
        assertThat(charges).allSatisfy(charge -> {
            assertThat(count("SELECT count(*) FROM payment WHERE order_id = :order", charge.orderId()))
                    .isEqualTo(1);
            assertThat(count("SELECT count(*) FROM sandbox_payment_intent WHERE order_id = :order", charge.orderId()))
                    .isEqualTo(1);
            var answer = saga.eventsFor(charge.orderId());
            if (charge.paymentMethod().equals("pm_card_visa")) {
                assertThat(answer).singleElement().isInstanceOf(PaymentSucceeded.class);
                assertThat(capturedByProvider(charge.orderId()))
                        .isEqualTo(charge.amount().amount());
            } else {
                assertThat(answer).singleElement().isInstanceOf(PaymentFailed.class);
                assertThat(capturedByProvider(charge.orderId())).isZero();
            }
        });
    }

    @Test
    void anotherChargeRequestForAnOrderInTheSameBatchChargesNothingMoreAndIsAnsweredByTheOutcome() {
        var first = charge("pm_card_visa", 2_100);
        var again = new ChargePayment(
                UUID.randomUUID(),
                Instant.now(),
                first.orderId(),
                first.customerId(),
                first.amount(),
                first.paymentMethod(),
                first.payBy());
        var other = charge("pm_card_amex", 2_200);

        commands.take(List.of(command(first), command(again), command(other))).block();

        await().atMost(WAIT)
                .until(() ->
                        "SUCCEEDED".equals(status(first.orderId())) && "SUCCEEDED".equals(status(other.orderId())));
        awaitOutboxSent(List.of(first.orderId(), other.orderId()));
        // Still with the provider when asked again, the payment is told once, when the provider answers.
        assertThat(saga.eventsFor(first.orderId())).singleElement().isInstanceOf(PaymentSucceeded.class);
        assertThat(saga.eventsFor(other.orderId())).singleElement().isInstanceOf(PaymentSucceeded.class);
        assertThat(count("SELECT count(*) FROM payment WHERE order_id = :order", first.orderId()))
                .isEqualTo(1);
        assertThat(capturedByProvider(first.orderId())).isEqualTo(2_100);
    }

    @Test
    void chargeAndRefundOfAnOrderInOneBatchCancelThePaymentBeforeAnythingIsCharged() {
        var charge = charge("pm_card_visa", 1_700);
        var charged = charge("pm_card_visa", 1_750);

        commands.take(List.of(command(charge), command(charged), command(refund(charge))))
                .block();

        assertThat(status(charge.orderId())).isEqualTo("CANCELLED");
        await().atMost(WAIT).until(() -> "SUCCEEDED".equals(status(charged.orderId())));
        awaitOutboxSent(List.of(charge.orderId(), charged.orderId()));
        assertThat(saga.eventsFor(charge.orderId()))
                .singleElement()
                .isInstanceOfSatisfying(PaymentRefunded.class, refunded -> assertThat(refunded.amount())
                        .isEqualTo(new Money(0, "CNY")));
        assertThat(count("SELECT count(*) FROM sandbox_payment_intent WHERE order_id = :order", charge.orderId()))
                .isZero();
        assertThat(saga.eventsFor(charged.orderId())).singleElement().isInstanceOf(PaymentSucceeded.class);
    }

    @Test
    void aRushOfChargesLargerThanOneRoundIsChargedInFull() {
        // More charges than one round of provider calls takes (50): each is charged exactly once.
        List<ChargePayment> charges = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            charges.add(charge("pm_card_visa", 1_000 + i));
        }

        charges.forEach(saga::send);

        await().atMost(WAIT.multipliedBy(2)).untilAsserted(() -> assertThat(charges)
                .allSatisfy(charge -> assertThat(saga.eventsFor(charge.orderId(), PaymentSucceeded.class))
                        .hasSize(1)));
    }

    @ParameterizedTest
    @CsvSource({
        "pm_card_chargeDeclined, card_declined",
        "pm_card_chargeDeclinedInsufficientFunds, insufficient_funds",
        "pm_card_chargeDeclinedExpiredCard, expired_card",
        "pm_card_does_not_exist, resource_missing"
    })
    void declinedCardFailsWithStripesReasonAndCapturesNothing(String paymentMethod, String reason) {
        var charge = charge(paymentMethod, 1_800);

        saga.send(charge);

        await().atMost(WAIT).untilAsserted(() -> assertThat(saga.eventsFor(charge.orderId()))
                .singleElement()
                .isInstanceOfSatisfying(PaymentFailed.class, failed -> assertThat(failed.reason())
                        .isEqualTo(reason)));
        assertThat(status(charge.orderId())).isEqualTo("FAILED");
        assertThat(capturedByProvider(charge.orderId())).isZero();
    }

    @Test
    void sameChargeAskedForTwiceChargesOnce() {
        var charge = charge("pm_card_visa", 3_100);
        var retried = new ChargePayment(
                UUID.randomUUID(),
                Instant.now(),
                charge.orderId(),
                charge.customerId(),
                charge.amount(),
                charge.paymentMethod(),
                charge.payBy());

        saga.send(charge);
        saga.send(charge);
        await().atMost(WAIT).until(() -> !saga.eventsFor(charge.orderId()).isEmpty());
        saga.send(retried);

        await().atMost(WAIT).untilAsserted(() -> assertThat(saga.eventsFor(charge.orderId(), PaymentSucceeded.class))
                .hasSize(2)
                .extracting(PaymentSucceeded::paymentId)
                .containsOnly(paymentId(charge.orderId())));
        assertThat(count("SELECT count(*) FROM payment WHERE order_id = :order", charge.orderId()))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM sandbox_payment_intent WHERE order_id = :order", charge.orderId()))
                .isEqualTo(1);
        assertThat(capturedByProvider(charge.orderId())).isEqualTo(3_100);
    }

    @Test
    void refundBeforeTheChargeIsRememberedAndTheLateChargeIsRefused() {
        var charge = charge("pm_card_visa", 990);

        saga.send(new RefundPayment(UUID.randomUUID(), Instant.now(), charge.orderId(), "payment timed out"));
        saga.send(charge);

        await().atMost(WAIT).untilAsserted(() -> assertThat(saga.eventsFor(charge.orderId()))
                .hasSize(2)
                .satisfiesExactly(
                        first -> assertThat(first)
                                .isInstanceOfSatisfying(PaymentRefunded.class, refunded -> assertThat(refunded.amount())
                                        .isEqualTo(new Money(0, "CNY"))),
                        second -> assertThat(second)
                                .isInstanceOfSatisfying(PaymentFailed.class, failed -> assertThat(failed.reason())
                                        .isEqualTo("order cancelled"))));
        assertThat(count("SELECT count(*) FROM payment WHERE order_id = :order", charge.orderId()))
                .isZero();
        assertThat(count("SELECT count(*) FROM sandbox_payment_intent WHERE order_id = :order", charge.orderId()))
                .isZero();
    }

    @Test
    void whatTheProviderAnswersContinuesTheTraceOfTheCommandItAnswers() {
        var charge = charge(CONFIRMED_BY_WEBHOOK, 2_700);
        String chargeTrace = newTraceId();
        String refundTrace = newTraceId();

        // Captured by webhook: a request of the sandbox's own, outside the charge's trace.
        saga.send(charge, traceparent(chargeTrace));
        await().atMost(WAIT).untilAsserted(() -> assertThat(saga.traceIdsOf(charge.orderId(), PaymentSucceeded.class))
                .containsExactly(chargeTrace));

        // Refunded by a provider call the background worker makes.
        saga.send(refund(charge), traceparent(refundTrace));
        await().atMost(WAIT).untilAsserted(() -> assertThat(saga.traceIdsOf(charge.orderId(), PaymentRefunded.class))
                .containsExactly(refundTrace));
    }

    @Test
    void refundAfterCaptureGivesTheAmountBack() {
        var charge = charge("pm_card_mastercard", 4_400);
        saga.send(charge);
        await().atMost(WAIT).until(() -> !saga.eventsFor(charge.orderId(), PaymentSucceeded.class)
                .isEmpty());

        saga.send(new RefundPayment(UUID.randomUUID(), Instant.now(), charge.orderId(), "cancelled by customer"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(saga.eventsFor(charge.orderId(), PaymentRefunded.class))
                .singleElement()
                .extracting(PaymentRefunded::amount)
                .isEqualTo(new Money(4_400, "CNY")));
        assertThat(status(charge.orderId())).isEqualTo("REFUNDED");
        assertThat(capturedByProvider(charge.orderId())).isEqualTo(4_400);
        assertThat(refundedByProvider(charge.orderId())).isEqualTo(4_400);
    }

    @Test
    void chargesMinusRefundsEqualWhatPaidOrdersCostAfterAMixedRun() {
        List<ChargePayment> charges = new ArrayList<>();
        Map<String, Boolean> refundAsked = new HashMap<>();
        // Cards captured in the call and one confirmed later, so refunds race both kinds of charge.
        String[] cards = {"pm_card_visa", "pm_card_chargeDeclined", "pm_card_amex", CONFIRMED_BY_WEBHOOK};
        for (int i = 0; i < 24; i++) {
            var charge = charge(cards[i % cards.length], 1_000 + 37L * i);
            charges.add(charge);
            switch (i % 6) {
                case 2 -> { // refund racing the charge
                    saga.send(charge);
                    saga.send(refund(charge));
                    refundAsked.put(charge.orderId(), true);
                }
                case 3 -> { // refund overtaking the charge
                    saga.send(refund(charge));
                    saga.send(charge);
                    refundAsked.put(charge.orderId(), true);
                }
                default -> saga.send(charge);
            }
        }
        // Refund some once they were charged, as cancelled orders are.
        for (int i = 5; i < charges.size(); i += 6) {
            var charge = charges.get(i);
            await().atMost(WAIT).until(() -> !saga.eventsFor(charge.orderId()).isEmpty());
            saga.send(refund(charge));
            refundAsked.put(charge.orderId(), true);
        }

        // Every order gets its final answer: refunded if a refund was asked for, else paid or failed.
        await().atMost(WAIT).untilAsserted(() -> {
            for (var charge : charges) {
                var events = saga.eventsFor(charge.orderId());
                if (refundAsked.containsKey(charge.orderId())) {
                    assertThat(events).hasAtLeastOneElementOfType(PaymentRefunded.class);
                } else {
                    assertThat(events).hasSize(1);
                }
            }
        });

        long charged = 0;
        long refunded = 0;
        long paidOrders = 0;
        for (var charge : charges) {
            var events = saga.eventsFor(charge.orderId());
            charged += sum(events, PaymentSucceeded.class);
            refunded += sum(events, PaymentRefunded.class);
            if (!refundAsked.containsKey(charge.orderId()) && events.getFirst() instanceof PaymentSucceeded paid) {
                paidOrders += paid.amount().amount();
            }
        }
        long expectedPaid = charges.stream()
                .filter(c -> !refundAsked.containsKey(c.orderId()))
                .filter(c -> !c.paymentMethod().equals("pm_card_chargeDeclined"))
                .mapToLong(c -> c.amount().amount())
                .sum();
        List<String> orders = charges.stream().map(ChargePayment::orderId).toList();

        assertThat(paidOrders).isEqualTo(expectedPaid).isPositive();
        assertThat(charged - refunded).isEqualTo(paidOrders);
        assertThat(sumOf(
                        "SELECT coalesce(sum(amount), 0) FROM payment WHERE status = 'SUCCEEDED'"
                                + " AND order_id = ANY(:orders)",
                        orders))
                .isEqualTo(paidOrders);
        assertThat(keptByProvider(orders)).isEqualTo(paidOrders);
    }

    private static SagaCommand command(ChargePayment charge) {
        return SagaCommand.of(new ChargeRequest(
                charge.eventId(),
                charge.orderId(),
                charge.customerId(),
                new bookstore.payment.payments.domain.Money(
                        charge.amount().amount(), charge.amount().currency()),
                charge.paymentMethod(),
                charge.payBy()));
    }

    private static SagaCommand command(RefundPayment refund) {
        return SagaCommand.of(new RefundRequest(refund.eventId(), refund.orderId(), refund.reason()));
    }

    /** Waits until the outbox has published everything it held for the orders: the topic has it all. */
    private void awaitOutboxSent(List<String> orders) {
        await().atMost(WAIT)
                .until(() -> sumOf("SELECT count(*) FROM outbox_event WHERE record_key = ANY(:orders)", orders) == 0);
    }

    private static RefundPayment refund(ChargePayment charge) {
        return new RefundPayment(UUID.randomUUID(), Instant.now(), charge.orderId(), "order cancelled");
    }

    private static String newTraceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static String traceparent(String traceId) {
        return "00-" + traceId + "-" + traceId.substring(0, 16) + "-01";
    }

    private static <E extends PaymentEvent> long sum(List<PaymentEvent> events, Class<E> type) {
        // A re-announced outcome is the same money told twice: count each kind once per order.
        return events.stream()
                .filter(type::isInstance)
                .findFirst()
                .map(event -> switch (event) {
                    case PaymentSucceeded succeeded -> succeeded.amount().amount();
                    case PaymentRefunded refunded -> refunded.amount().amount();
                    case PaymentFailed failed -> 0L;
                    // No partial refunds in this run.
                    case AmountRefunded part -> part.amount().amount();
                    case RefundRefused refused -> 0L;
                    case PaymentActionRequired required -> 0L;
                })
                .orElse(0L);
    }

    /** Webhook requests this service has answered 200 so far. */
    private long webhooksAcknowledged() {
        return metrics
                .find("http.server.requests")
                .tag("uri", "/api/payments/webhooks/{provider}")
                .tag("status", "200")
                .timers()
                .stream()
                .mapToLong(Timer::count)
                .sum();
    }

    private List<String> webhookEventsFor(String orderId) {
        return database.sql("SELECT e.event_type FROM provider_event e JOIN sandbox_payment_intent i"
                        + " ON i.id = e.reference WHERE e.provider = 'sandbox' AND i.order_id = :order")
                .bind("order", orderId)
                .map(row -> row.get(0, String.class))
                .all()
                .collectList()
                .block();
    }
}
