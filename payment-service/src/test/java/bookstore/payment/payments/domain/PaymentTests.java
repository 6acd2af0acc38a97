package bookstore.payment.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bookstore.payment.payments.domain.Effect.ChargeFailed;
import bookstore.payment.payments.domain.Effect.Charged;
import bookstore.payment.payments.domain.Effect.Refunded;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentTests {

    static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");
    static final Duration LEASE = Duration.ofSeconds(30);
    static final Duration CHECK = Duration.ofMinutes(1);
    static final Money PRICE = new Money(4_200, "CNY");
    static final UUID REQUEST = UUID.randomUUID();

    final Payment payment = Payment.request(
            UUID.randomUUID(), REQUEST, "order-1", "customer-1", PRICE, "pm_card_visa", "sandbox", null, NOW);

    @Test
    void newPaymentHasItsChargeDueAtOnceUnderAStableKey() {
        assertThat(payment.status()).isEqualTo(PaymentStatus.PROCESSING);
        assertThat(payment.isProviderCallDue(NOW)).isTrue();
        assertThat(payment.nextProviderCall())
                .contains(new ProviderCall.Charge(
                        payment.id(), "order-1", PRICE, "pm_card_visa", payment.chargeKey(), null));
        assertThat(payment.effects()).isEmpty();
    }

    @Test
    void takenCallIsHeldForTheLeaseAndNotTakenTwice() {
        payment.startProviderCall(NOW, LEASE);

        assertThat(payment.isProviderCallDue(NOW.plusSeconds(29))).isFalse();
        assertThatThrownBy(() -> payment.startProviderCall(NOW.plusSeconds(1), LEASE))
                .isInstanceOf(IllegalStateException.class);
        assertThat(payment.isProviderCallDue(NOW.plus(LEASE))).isTrue();
    }

    @Test
    void unansweredChargeIsSubmittedAgainUnderTheSameKey() {
        var first = payment.startProviderCall(NOW, LEASE);
        payment.providerCallFailed(NOW, Duration.ofSeconds(2));

        assertThat(payment.isProviderCallDue(NOW.plusSeconds(1))).isFalse();
        assertThat(payment.startProviderCall(NOW.plusSeconds(2), LEASE)).isEqualTo(first);
        assertThat(payment.providerCalls()).isEqualTo(2);
    }

    @Test
    void acceptedChargeWaitsForConfirmationThenIsCheckedOn() {
        payment.startProviderCall(NOW, LEASE);

        payment.record(new ProviderAnswer.Processing("pi_1"), NOW, CHECK);

        assertThat(payment.effects()).isEmpty();
        assertThat(payment.providerReference()).isEqualTo("pi_1");
        assertThat(payment.isProviderCallDue(NOW.plus(CHECK).minusSeconds(1))).isFalse();
        assertThat(payment.nextProviderCall()).contains(new ProviderCall.CheckStatus(payment.id(), "pi_1"));
    }

    @Test
    void chargeCapturedInTheCallIsAnnouncedOnceAndNeedsNothingMore() {
        payment.startProviderCall(NOW, LEASE);

        payment.record(new ProviderAnswer.Succeeded("pi_1"), NOW, CHECK);
        // The provider's webhook about the same capture comes later.
        payment.record(new ProviderAnswer.Succeeded("pi_1"), NOW.plusSeconds(1), CHECK);

        assertThat(payment.effects()).containsExactly(new Charged("order-1", payment.id(), PRICE));
        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(payment.providerReference()).isEqualTo("pi_1");
        assertThat(payment.nextProviderCall()).isEmpty();
        assertThat(payment.nextProviderCallAt()).isNull();
    }

    @Test
    void confirmedChargeIsAnnouncedOnceAndNeedsNothingMore() {
        payment.startProviderCall(NOW, LEASE);
        payment.record(new ProviderAnswer.Processing("pi_1"), NOW, CHECK);

        payment.record(new ProviderAnswer.Succeeded("pi_1"), NOW, CHECK);
        payment.record(new ProviderAnswer.Succeeded("pi_1"), NOW, CHECK);

        assertThat(payment.effects()).containsExactly(new Charged("order-1", payment.id(), PRICE));
        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(payment.nextProviderCall()).isEmpty();
        assertThat(payment.nextProviderCallAt()).isNull();
    }

    @Test
    void staleAnswerChangesNothingAtAll() {
        payment.startProviderCall(NOW, LEASE);
        payment.record(new ProviderAnswer.Succeeded("pi_1"), NOW, CHECK);
        var settled = payment.state();

        payment.record(new ProviderAnswer.Processing("pi_1"), NOW.plusSeconds(5), CHECK);
        payment.record(new ProviderAnswer.Declined("pi_1", "card_declined"), NOW.plusSeconds(6), CHECK);

        assertThat(payment.state()).isEqualTo(settled);
        assertThat(payment.effects()).hasSize(1);
    }

    @Test
    void declinedChargeFailsWithTheProvidersReason() {
        payment.startProviderCall(NOW, LEASE);

        payment.record(new ProviderAnswer.Declined("pi_1", "insufficient_funds"), NOW, CHECK);

        assertThat(payment.effects()).containsExactly(new ChargeFailed("order-1", "insufficient_funds"));
        assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(payment.failureReason()).isEqualTo("insufficient_funds");
        assertThat(payment.nextProviderCall()).isEmpty();
    }

    @Test
    void lateConfirmationDoesNotResurrectADeclinedPayment() {
        payment.startProviderCall(NOW, LEASE);
        payment.record(new ProviderAnswer.Declined("pi_1", "card_declined"), NOW, CHECK);

        payment.record(new ProviderAnswer.Succeeded("pi_1"), NOW, CHECK);

        assertThat(payment.effects()).containsExactly(new ChargeFailed("order-1", "card_declined"));
        assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);
    }

    @Test
    void captureReportedAfterTheCancellationIsRecordedAndGivenBackOnce() {
        var cancelled = submitted("pi_2");
        cancelled.requestRefund(UUID.randomUUID(), NOW);
        cancelled.record(new ProviderAnswer.Canceled("pi_2"), NOW, CHECK);
        assertThat(cancelled.effects()).containsExactly(new Refunded("order-1", Money.zero("CNY")));

        cancelled.record(new ProviderAnswer.Succeeded("pi_2"), NOW, CHECK);

        assertThat(cancelled.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(cancelled.failureReason()).isEqualTo(Payment.CAPTURED_AFTER_CANCELLATION);
        assertThat(cancelled.effects()).last().isEqualTo(new Charged("order-1", cancelled.id(), PRICE));
        assertThat(cancelled.nextProviderCall())
                .contains(new ProviderCall.Refund(cancelled.id(), "pi_2", PRICE, cancelled.refundKey()));

        cancelled.startProviderCall(NOW, LEASE);
        cancelled.record(new ProviderAnswer.Refunded("pi_2", PRICE), NOW, CHECK);
        cancelled.record(new ProviderAnswer.Succeeded("pi_2"), NOW, CHECK);

        assertThat(cancelled.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(cancelled.refunded()).isEqualTo(PRICE);
        assertThat(cancelled.effects()).last().isEqualTo(new Refunded("order-1", PRICE));
        assertThat(cancelled.nextProviderCall()).isEmpty();
    }

    @Test
    void aPaymentTheCustomerCompletesTellsTheSagaWhatToDoOnceAndWaits() {
        var qr = new CustomerAction(CustomerAction.Kind.QR_CODE, "https://qr.alipay.com/bax1", NOW.plusSeconds(900));
        payment.startProviderCall(NOW, LEASE);

        payment.record(new ProviderAnswer.ActionRequired("2026120722001", qr), NOW, CHECK);
        payment.record(new ProviderAnswer.ActionRequired("2026120722001", qr), NOW, CHECK);

        assertThat(payment.effects())
                .containsExactly(new Effect.ActionRequired("order-1", payment.id(), "sandbox", qr));
        assertThat(payment.status()).isEqualTo(PaymentStatus.PROCESSING);
        assertThat(payment.action()).contains(qr);
        assertThat(payment.nextProviderCall()).contains(new ProviderCall.CheckStatus(payment.id(), "2026120722001"));
        assertThat(payment.isProviderCallDue(NOW.plus(CHECK))).isTrue();
        assertThat(payment.isProviderCallDue(NOW.plus(CHECK).minusSeconds(1))).isFalse();
    }

    @Test
    void aFreshActionIsAskedOfTheProviderUnderTheSameKeyAndToldEvenIfUnchanged() {
        var qr = new CustomerAction(CustomerAction.Kind.QR_CODE, "weixin://wxpay/bizpayurl?pr=abc", null);
        payment.startProviderCall(NOW, LEASE);
        payment.record(new ProviderAnswer.ActionRequired("wx_1", qr), NOW, CHECK);

        assertThat(payment.requestFreshAction(NOW)).isTrue();

        assertThat(payment.isProviderCallDue(NOW)).isTrue();
        assertThat(payment.nextProviderCall())
                .contains(new ProviderCall.Charge(
                        payment.id(), "order-1", PRICE, "pm_card_visa", payment.chargeKey(), null));
        payment.startProviderCall(NOW, LEASE);
        payment.record(new ProviderAnswer.ActionRequired("wx_1", qr), NOW, CHECK);
        assertThat(payment.effects()).hasSize(2).allMatch(Effect.ActionRequired.class::isInstance);
        assertThat(payment.nextProviderCall()).contains(new ProviderCall.CheckStatus(payment.id(), "wx_1"));
    }

    @Test
    void noFreshActionForAPaymentThatDoesNotWaitForItsCustomer() {
        var before = payment.state();
        assertThat(payment.requestFreshAction(NOW)).isFalse();
        assertThat(payment.state()).isEqualTo(before);

        var qr = new CustomerAction(CustomerAction.Kind.QR_CODE, "https://qr.alipay.com/bax2", null);
        payment.startProviderCall(NOW, LEASE);
        payment.record(new ProviderAnswer.ActionRequired("2026120722002", qr), NOW, CHECK);
        payment.requestRefund(UUID.randomUUID(), NOW);

        assertThat(payment.requestFreshAction(NOW)).isFalse();
        assertThat(payment.action()).isEmpty();
        assertThat(payment.nextProviderCall()).contains(new ProviderCall.Cancel(payment.id(), "2026120722002"));
        // The trade is being closed: an action the provider still reports is not passed on.
        int told = payment.effects().size();
        payment.record(new ProviderAnswer.ActionRequired("2026120722002", qr), NOW, CHECK);
        assertThat(payment.effects()).hasSize(told);
    }

    @Test
    void captureOfAnotherChargeOrOfOneNeverMadeChangesNothing() {
        var cancelled = submitted("pi_3");
        cancelled.requestRefund(UUID.randomUUID(), NOW);
        cancelled.record(new ProviderAnswer.Canceled("pi_3"), NOW, CHECK);
        var before = cancelled.state();

        cancelled.record(new ProviderAnswer.Succeeded("pi_other"), NOW, CHECK);
        assertThat(cancelled.state()).isEqualTo(before);

        var neverCharged = Payment.request(
                UUID.randomUUID(), UUID.randomUUID(), "order-4", "customer-1", PRICE, "alipay_qr", "alipay", null, NOW);
        neverCharged.requestRefund(UUID.randomUUID(), NOW);
        var untouched = neverCharged.state();
        neverCharged.record(new ProviderAnswer.Succeeded("2026120722001"), NOW, CHECK);
        assertThat(neverCharged.state()).isEqualTo(untouched);
    }

    @Test
    void refundBeforeTheChargeLeftIsACancellationWithoutProviderCall() {
        payment.requestRefund(UUID.randomUUID(), NOW);

        assertThat(payment.effects()).containsExactly(new Refunded("order-1", Money.zero("CNY")));
        assertThat(payment.status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(payment.nextProviderCall()).isEmpty();

        payment.chargeRequestedAgain(UUID.randomUUID());

        assertThat(payment.effects()).last().isEqualTo(new ChargeFailed("order-1", Payment.ORDER_CANCELLED));
    }

    @Test
    void refundOfAPendingChargeCancelsItAtTheProvider() {
        var pending = submitted("pi_1");

        pending.requestRefund(UUID.randomUUID(), NOW);

        assertThat(pending.effects()).isEmpty();
        assertThat(pending.isProviderCallDue(NOW)).isTrue();
        assertThat(pending.nextProviderCall()).contains(new ProviderCall.Cancel(pending.id(), "pi_1"));

        pending.record(new ProviderAnswer.Canceled("pi_1"), NOW, CHECK);

        assertThat(pending.effects()).containsExactly(new Refunded("order-1", Money.zero("CNY")));
        assertThat(pending.status()).isEqualTo(PaymentStatus.CANCELLED);
    }

    @Test
    void chargeCapturedWhileItsCancellationWasUnderWayIsRefunded() {
        var pending = submitted("pi_1");
        pending.requestRefund(UUID.randomUUID(), NOW);

        // The provider refuses to cancel: the charge was captured a moment earlier.
        pending.record(new ProviderAnswer.Succeeded("pi_1"), NOW, CHECK);

        assertThat(pending.effects()).containsExactly(new Charged("order-1", pending.id(), PRICE));
        assertThat(pending.nextProviderCall())
                .contains(new ProviderCall.Refund(pending.id(), "pi_1", PRICE, pending.refundKey()));

        pending.record(new ProviderAnswer.Refunded("pi_1", PRICE), NOW, CHECK);

        assertThat(pending.effects())
                .containsExactly(new Charged("order-1", pending.id(), PRICE), new Refunded("order-1", PRICE));
        assertThat(pending.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(pending.refunded()).isEqualTo(PRICE);
    }

    @Test
    void refundOfACapturedChargeGivesBackTheAmountOnce() {
        var captured = submitted("pi_1");
        captured.record(new ProviderAnswer.Succeeded("pi_1"), NOW, CHECK);

        captured.requestRefund(UUID.randomUUID(), NOW);

        assertThat(captured.effects()).hasSize(1);
        assertThat(captured.nextProviderCall())
                .contains(new ProviderCall.Refund(captured.id(), "pi_1", PRICE, captured.refundKey()));
        captured.record(new ProviderAnswer.Refunded("pi_1", PRICE), NOW, CHECK);
        captured.requestRefund(UUID.randomUUID(), NOW);
        captured.record(new ProviderAnswer.Refunded("pi_1", PRICE), NOW, CHECK);

        // Asked again, the refund is told again; the provider's repeated answer adds nothing.
        assertThat(captured.effects())
                .containsExactly(
                        new Charged("order-1", captured.id(), PRICE),
                        new Refunded("order-1", PRICE),
                        new Refunded("order-1", PRICE));
        assertThat(captured.nextProviderCall()).isEmpty();
    }

    @Test
    void theRequestThatAskedForTheRefundDeliveredAgainIsNotAnsweredTwice() {
        var captured = submitted("pi_1");
        captured.record(new ProviderAnswer.Succeeded("pi_1"), NOW, CHECK);
        UUID request = UUID.randomUUID();
        captured.requestRefund(request, NOW);
        captured.record(new ProviderAnswer.Refunded("pi_1", PRICE), NOW, CHECK);
        int answered = captured.effects().size();

        captured.requestRefund(request, NOW.plusSeconds(5));

        assertThat(captured.effects()).hasSize(answered);
        assertThat(captured.state().refundRequestId()).isEqualTo(request);
        assertThat(Payment.restore(captured.state()).state()).isEqualTo(captured.state());
    }

    @Test
    void refundOfADeclinedPaymentGivesBackNothing() {
        payment.startProviderCall(NOW, LEASE);
        payment.record(new ProviderAnswer.Declined("pi_1", "card_declined"), NOW, CHECK);

        payment.requestRefund(UUID.randomUUID(), NOW);

        assertThat(payment.effects()).last().isEqualTo(new Refunded("order-1", Money.zero("CNY")));
        assertThat(payment.nextProviderCall()).isEmpty();
    }

    @Test
    void secondChargeRequestRepeatsTheFirstOutcomeWithoutANewCharge() {
        var captured = submitted("pi_1");
        captured.chargeRequestedAgain(UUID.randomUUID());
        assertThat(captured.effects()).isEmpty();

        captured.record(new ProviderAnswer.Succeeded("pi_1"), NOW, CHECK);
        captured.chargeRequestedAgain(UUID.randomUUID());

        assertThat(captured.effects())
                .containsExactly(
                        new Charged("order-1", captured.id(), PRICE), new Charged("order-1", captured.id(), PRICE));
        assertThat(captured.nextProviderCall()).isEmpty();
    }

    @Test
    void theRequestThatOpenedThePaymentDeliveredAgainChangesNothingAndIsNotAnsweredTwice() {
        payment.startProviderCall(NOW, LEASE);
        payment.record(new ProviderAnswer.Succeeded("pi_1"), NOW, CHECK);
        var settled = payment.state();

        payment.chargeRequestedAgain(REQUEST);

        assertThat(payment.state()).isEqualTo(settled);
        assertThat(payment.effects()).containsExactly(new Charged("order-1", payment.id(), PRICE));
    }

    @Test
    void restoredPaymentIsTheOneSavedWithoutItsPastEffects() {
        payment.startProviderCall(NOW, LEASE);
        payment.record(new ProviderAnswer.Processing("pi_1"), NOW, CHECK);
        payment.requestRefund(UUID.randomUUID(), NOW.plusSeconds(1));

        var restored = Payment.restore(payment.state());

        assertThat(restored.state()).isEqualTo(payment.state());
        assertThat(restored.effects()).isEmpty();
        assertThat(restored.nextProviderCall()).contains(new ProviderCall.Cancel(payment.id(), "pi_1"));

        restored.record(new ProviderAnswer.Canceled("pi_1"), NOW.plusSeconds(2), CHECK);

        assertThat(restored.effects()).containsExactly(new Refunded("order-1", Money.zero("CNY")));
        assertThat(restored.state()).isNotEqualTo(payment.state());
    }

    @Test
    void effectsAreRegisteredInTheOrderTheChangesWereMade() {
        var pending = submitted("pi_1");
        pending.requestRefund(UUID.randomUUID(), NOW);
        pending.record(new ProviderAnswer.Declined("pi_1", "card_declined"), NOW, CHECK);

        assertThat(pending.effects())
                .containsExactly(
                        new ChargeFailed("order-1", "card_declined"), new Refunded("order-1", Money.zero("CNY")));
        assertThatThrownBy(() -> pending.effects().add(new Refunded("order-1", PRICE)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(pending.effects()).hasSize(2);
    }

    @Test
    void refundLargerThanTheChargeIsRefused() {
        var captured = submitted("pi_1");
        captured.record(new ProviderAnswer.Succeeded("pi_1"), NOW, CHECK);
        captured.requestRefund(UUID.randomUUID(), NOW);

        assertThatThrownBy(() -> captured.record(
                        new ProviderAnswer.Refunded("pi_1", new Money(PRICE.amount() + 1, "CNY")), NOW, CHECK))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void paymentMustBeForAPositiveAmount() {
        assertThatThrownBy(() -> Payment.request(
                        UUID.randomUUID(),
                        REQUEST,
                        "order-2",
                        "customer-1",
                        Money.zero("CNY"),
                        "pm_card_visa",
                        "sandbox",
                        null,
                        NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Money(-1, "CNY")).isInstanceOf(IllegalArgumentException.class);
    }

    private Payment submitted(String reference) {
        var submitted = Payment.request(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "order-1",
                "customer-1",
                PRICE,
                "pm_card_visa",
                "sandbox",
                null,
                NOW);
        submitted.startProviderCall(NOW, LEASE);
        submitted.record(new ProviderAnswer.Processing(reference), NOW, CHECK);
        return submitted;
    }
}
