package bookstore.payment.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bookstore.payment.payments.domain.Effect.AmountRefunded;
import bookstore.payment.payments.domain.Effect.ChargeFailed;
import bookstore.payment.payments.domain.Effect.Charged;
import bookstore.payment.payments.domain.Effect.RefundRefused;
import bookstore.payment.payments.domain.Effect.Refunded;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A captured payment given back in parts: each part once, never more than is still captured. */
class PartialRefundTests {

    static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");
    static final Duration LEASE = Duration.ofSeconds(30);
    static final Duration CHECK = Duration.ofMinutes(1);
    static final Money PRICE = new Money(4_200, "CNY");

    final Payment payment = captured();

    @Test
    void partIsItsOwnProviderCallUnderItsOwnKeyAndIsToldWithTheTotal() {
        UUID request = UUID.randomUUID();

        payment.requestPartialRefund("return-1", request, cny(1_000), "returned", NOW);

        assertThat(newEffects()).isEmpty();
        assertThat(payment.refundable()).isEqualTo(cny(3_200));
        assertThat(payment.refundPending()).isTrue();
        assertThat(payment.isProviderCallDue(NOW)).isTrue();
        var call = payment.startProviderCall(NOW, LEASE);
        assertThat(call)
                .isEqualTo(new ProviderCall.Refund(
                        payment.id(), "pi_1", cny(1_000), "payment-" + payment.id() + "-refund-return-1", "return-1"));

        payment.record(new ProviderAnswer.Refunded("pi_1", cny(1_000), "return-1"), NOW, CHECK);

        assertThat(newEffects()).containsExactly(new AmountRefunded("order-1", "return-1", cny(1_000), cny(1_000)));
        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(payment.refunded()).isEqualTo(cny(1_000));
        assertThat(payment.refunds()).singleElement().satisfies(refund -> assertThat(refund.status())
                .isEqualTo(Refund.Status.SUCCEEDED));
        assertThat(payment.nextProviderCall()).isEmpty();
        assertThat(payment.nextProviderCallAt()).isNull();
        assertThat(payment.refundPending()).isFalse();
    }

    @Test
    void theSameRefundIdAgainNeverRefundsTwice() {
        UUID request = UUID.randomUUID();
        payment.requestPartialRefund("return-1", request, cny(1_000), "returned", NOW);
        // Delivered again while in flight, and asked again by another request: nothing new.
        payment.requestPartialRefund("return-1", request, cny(1_000), "returned", NOW);
        payment.requestPartialRefund("return-1", UUID.randomUUID(), cny(1_000), "returned", NOW);
        assertThat(payment.refunds()).hasSize(1);
        assertThat(newEffects()).isEmpty();

        payment.startProviderCall(NOW, LEASE);
        payment.record(new ProviderAnswer.Refunded("pi_1", cny(1_000), "return-1"), NOW, CHECK);
        // The provider's answer repeated (a retried call under the same key) adds nothing.
        payment.record(new ProviderAnswer.Refunded("pi_1", cny(1_000), "return-1"), NOW, CHECK);
        assertThat(newEffects()).hasSize(1);

        // Settled: the request that asked is not answered twice; another one is told the outcome.
        payment.requestPartialRefund("return-1", request, cny(1_000), "returned", NOW);
        assertThat(newEffects()).isEmpty();
        payment.requestPartialRefund("return-1", UUID.randomUUID(), cny(1_000), "returned", NOW);
        assertThat(newEffects()).containsExactly(new AmountRefunded("order-1", "return-1", cny(1_000), cny(1_000)));
        assertThat(payment.refunded()).isEqualTo(cny(1_000));
        assertThat(payment.nextProviderCall()).isEmpty();
    }

    @Test
    void moreThanIsStillCapturedIsRefusedAtOnceCountingPartsInFlight() {
        payment.requestPartialRefund("return-1", UUID.randomUUID(), cny(3_000), "returned", NOW);
        var before = payment.state();

        payment.requestPartialRefund("return-2", UUID.randomUUID(), cny(1_201), "returned", NOW);

        assertThat(newEffects()).containsExactly(new RefundRefused("order-1", "return-2", Payment.EXCEEDS_CAPTURED));
        assertThat(payment.state()).isEqualTo(before);

        payment.requestPartialRefund("return-3", UUID.randomUUID(), cny(1_200), "returned", NOW);
        assertThat(payment.refundable()).isEqualTo(cny(0));
        payment.requestPartialRefund("return-4", UUID.randomUUID(), cny(1), "returned", NOW);
        assertThat(newEffects()).containsExactly(new RefundRefused("order-1", "return-4", Payment.NOTHING_CAPTURED));
    }

    @Test
    void nothingCapturedNothingToGiveBack() {
        var processing = Payment.request(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "order-2",
                "customer-1",
                PRICE,
                "pm_card_visa",
                "sandbox",
                null,
                NOW);
        var before = processing.state();

        processing.requestPartialRefund("return-1", UUID.randomUUID(), cny(100), "returned", NOW);

        assertThat(processing.effects())
                .containsExactly(new RefundRefused("order-2", "return-1", Payment.NOTHING_CAPTURED));
        assertThat(processing.state()).isEqualTo(before);
    }

    @Test
    void notAPositiveAmountInThePaymentsCurrencyIsRefused() {
        payment.requestPartialRefund("zero", UUID.randomUUID(), cny(0), "returned", NOW);
        payment.requestPartialRefund("dollars", UUID.randomUUID(), new Money(100, "USD"), "returned", NOW);

        assertThat(newEffects())
                .containsExactly(
                        new RefundRefused("order-1", "zero", Payment.INVALID_AMOUNT),
                        new RefundRefused("order-1", "dollars", Payment.INVALID_AMOUNT));
        assertThat(payment.refunds()).isEmpty();
    }

    @Test
    void partTheProviderRefusesGivesNothingBackAndIsToldWithItsCode() {
        payment.requestPartialRefund("return-1", UUID.randomUUID(), cny(1_000), "returned", NOW);
        payment.startProviderCall(NOW, LEASE);

        payment.record(new ProviderAnswer.RefundRefused("pi_1", "return-1", "charge_disputed"), NOW, CHECK);

        assertThat(newEffects()).containsExactly(new RefundRefused("order-1", "return-1", "charge_disputed"));
        assertThat(payment.refunded()).isEqualTo(cny(0));
        assertThat(payment.refundable()).isEqualTo(PRICE);
        assertThat(payment.refunds().getFirst().failureReason()).isEqualTo("charge_disputed");
        assertThat(payment.nextProviderCall()).isEmpty();
    }

    @Test
    void partsAreCalledOneAfterTheOtherWithoutTakingAHeldCallAgain() {
        payment.requestPartialRefund("return-1", UUID.randomUUID(), cny(1_000), "returned", NOW);
        var first = payment.startProviderCall(NOW, LEASE);

        payment.requestPartialRefund("return-2", UUID.randomUUID(), cny(500), "returned", NOW.plusSeconds(1));

        // The first part's call holds its lease: the second waits for its answer.
        assertThat(payment.isProviderCallDue(NOW.plusSeconds(1))).isFalse();
        payment.record(new ProviderAnswer.Refunded("pi_1", cny(1_000), "return-1"), NOW.plusSeconds(2), CHECK);
        assertThat(payment.isProviderCallDue(NOW.plusSeconds(2))).isTrue();
        var second = payment.startProviderCall(NOW.plusSeconds(2), LEASE);
        assertThat(second).isNotEqualTo(first);
        payment.record(new ProviderAnswer.Refunded("pi_1", cny(500), "return-2"), NOW.plusSeconds(3), CHECK);

        assertThat(newEffects())
                .containsExactly(
                        new AmountRefunded("order-1", "return-1", cny(1_000), cny(1_000)),
                        new AmountRefunded("order-1", "return-2", cny(500), cny(1_500)));
    }

    @Test
    void fullRefundAfterPartsGivesBackOnlyWhatIsLeftAndTellsTheTotal() {
        refundPart("return-1", 1_000);
        newEffects();

        payment.requestRefund(UUID.randomUUID(), NOW);

        assertThat(payment.startProviderCall(NOW, LEASE))
                .isEqualTo(new ProviderCall.Refund(payment.id(), "pi_1", cny(3_200), payment.refundKey()));
        payment.record(new ProviderAnswer.Refunded("pi_1", cny(3_200)), NOW, CHECK);

        assertThat(newEffects()).containsExactly(new Refunded("order-1", PRICE));
        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(payment.refunded()).isEqualTo(PRICE);
    }

    @Test
    void fullRefundAskedWhileAPartIsInFlightWaitsForItsAnswer() {
        payment.requestPartialRefund("return-1", UUID.randomUUID(), cny(1_000), "returned", NOW);
        payment.startProviderCall(NOW, LEASE);

        payment.requestRefund(UUID.randomUUID(), NOW.plusSeconds(1));
        // The part's call still holds its lease; a part asked for now has nothing left to take.
        assertThat(payment.isProviderCallDue(NOW.plusSeconds(1))).isFalse();
        payment.requestPartialRefund("return-2", UUID.randomUUID(), cny(100), "returned", NOW.plusSeconds(1));
        assertThat(newEffects()).containsExactly(new RefundRefused("order-1", "return-2", Payment.NOTHING_CAPTURED));

        payment.record(
                new ProviderAnswer.RefundRefused("pi_1", "return-1", "charge_disputed"), NOW.plusSeconds(2), CHECK);
        // Refused, the part is still captured: the rest, all of it, goes back now.
        assertThat(payment.startProviderCall(NOW.plusSeconds(2), LEASE))
                .isEqualTo(new ProviderCall.Refund(payment.id(), "pi_1", PRICE, payment.refundKey()));
        payment.record(new ProviderAnswer.Refunded("pi_1", PRICE), NOW.plusSeconds(3), CHECK);

        assertThat(newEffects())
                .containsExactly(
                        new RefundRefused("order-1", "return-1", "charge_disputed"), new Refunded("order-1", PRICE));
    }

    @Test
    void everythingGivenBackInPartsIsRefundedAndAFullRefundAfterwardsNeedsNoCall() {
        refundPart("return-1", 4_000);
        refundPart("return-2", 200);

        assertThat(newEffects()).last().isEqualTo(new AmountRefunded("order-1", "return-2", cny(200), PRICE));
        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(payment.nextProviderCall()).isEmpty();

        payment.requestRefund(UUID.randomUUID(), NOW);
        // The order was paid for, then returned: another charge request still hears it was charged.
        payment.chargeRequestedAgain(UUID.randomUUID());

        assertThat(newEffects())
                .containsExactly(new Refunded("order-1", PRICE), new ChargeFailed("order-1", Payment.ORDER_CANCELLED));
        assertThat(payment.nextProviderCall()).isEmpty();
    }

    @Test
    void paidOrderRefundedInPartsStillAnswersAnotherChargeRequestAsCharged() {
        refundPart("return-1", 4_200);
        newEffects();

        payment.chargeRequestedAgain(UUID.randomUUID());

        assertThat(newEffects()).containsExactly(new Charged("order-1", payment.id(), PRICE));
    }

    @Test
    void fullRefundAnsweredLastPartDoneTellsTheTotalOnce() {
        payment.requestPartialRefund("return-1", UUID.randomUUID(), cny(4_200), "returned", NOW);
        payment.startProviderCall(NOW, LEASE);
        payment.requestRefund(UUID.randomUUID(), NOW);

        payment.record(new ProviderAnswer.Refunded("pi_1", cny(4_200), "return-1"), NOW, CHECK);

        assertThat(newEffects())
                .containsExactly(
                        new AmountRefunded("order-1", "return-1", PRICE, PRICE), new Refunded("order-1", PRICE));
        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(payment.nextProviderCall()).isEmpty();
    }

    @Test
    void partAnsweredWithAnotherAmountDoesNotFit() {
        payment.requestPartialRefund("return-1", UUID.randomUUID(), cny(1_000), "returned", NOW);
        payment.startProviderCall(NOW, LEASE);

        assertThatThrownBy(() -> payment.record(new ProviderAnswer.Refunded("pi_1", cny(900), "return-1"), NOW, CHECK))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void answerAboutAnUnknownPartIsStale() {
        var before = payment.state();

        payment.record(new ProviderAnswer.Refunded("pi_1", cny(100), "return-9"), NOW, CHECK);
        payment.record(new ProviderAnswer.RefundRefused("pi_1", "return-9", "amount_too_large"), NOW, CHECK);

        assertThat(payment.state()).isEqualTo(before);
        assertThat(newEffects()).isEmpty();
    }

    @Test
    void restoredPaymentKeepsItsParts() {
        payment.requestPartialRefund("return-1", UUID.randomUUID(), cny(1_000), "returned", NOW);

        var restored = Payment.restore(payment.state());

        assertThat(restored.state()).isEqualTo(payment.state());
        assertThat(restored.refundable()).isEqualTo(cny(3_200));
        assertThat(restored.nextProviderCall()).containsInstanceOf(ProviderCall.Refund.class);
    }

    private void refundPart(String refundId, long amount) {
        payment.requestPartialRefund(refundId, UUID.randomUUID(), cny(amount), "returned", NOW);
        payment.startProviderCall(NOW, LEASE);
        payment.record(new ProviderAnswer.Refunded("pi_1", cny(amount), refundId), NOW, CHECK);
    }

    private int seen = 1; // the capture

    /** The effects registered since the last look. */
    private List<Effect> newEffects() {
        var effects = payment.effects();
        var fresh = effects.subList(seen, effects.size());
        seen = effects.size();
        return fresh;
    }

    private static Money cny(long amount) {
        return new Money(amount, "CNY");
    }

    private static Payment captured() {
        var captured = Payment.request(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "order-1",
                "customer-1",
                PRICE,
                "pm_card_visa",
                "sandbox",
                null,
                NOW);
        captured.startProviderCall(NOW, LEASE);
        captured.record(new ProviderAnswer.Succeeded("pi_1"), NOW, CHECK);
        return captured;
    }
}
