package bookstore.payment.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bookstore.payment.payments.domain.Announcement.ChargeFailed;
import bookstore.payment.payments.domain.Announcement.Charged;
import bookstore.payment.payments.domain.Announcement.Refunded;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentTests {

    static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");
    static final Duration LEASE = Duration.ofSeconds(30);
    static final Duration CHECK = Duration.ofMinutes(1);
    static final Money PRICE = new Money(4_200, "CNY");

    final Payment payment =
            Payment.request(UUID.randomUUID(), "order-1", "customer-1", PRICE, "pm_card_visa", "sandbox", NOW);

    @Test
    void newPaymentHasItsChargeDueAtOnceUnderAStableKey() {
        assertThat(payment.status()).isEqualTo(PaymentStatus.PROCESSING);
        assertThat(payment.isProviderCallDue(NOW)).isTrue();
        assertThat(payment.nextProviderCall())
                .contains(new ProviderCall.Charge(payment.id(), "order-1", PRICE, "pm_card_visa", payment.chargeKey()));
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

        var announced = payment.record(new ProviderAnswer.Processing("pi_1"), NOW, CHECK);

        assertThat(announced).isEmpty();
        assertThat(payment.providerReference()).isEqualTo("pi_1");
        assertThat(payment.isProviderCallDue(NOW.plus(CHECK).minusSeconds(1))).isFalse();
        assertThat(payment.nextProviderCall()).contains(new ProviderCall.CheckStatus(payment.id(), "pi_1"));
    }

    @Test
    void confirmedChargeIsAnnouncedOnceAndNeedsNothingMore() {
        payment.startProviderCall(NOW, LEASE);
        payment.record(new ProviderAnswer.Processing("pi_1"), NOW, CHECK);

        var announced = payment.record(new ProviderAnswer.Succeeded("pi_1"), NOW, CHECK);
        var replayed = payment.record(new ProviderAnswer.Succeeded("pi_1"), NOW, CHECK);

        assertThat(announced).containsExactly(new Charged("order-1", payment.id(), PRICE));
        assertThat(replayed).isEmpty();
        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(payment.nextProviderCall()).isEmpty();
        assertThat(payment.nextProviderCallAt()).isNull();
    }

    @Test
    void declinedChargeFailsWithTheProvidersReason() {
        payment.startProviderCall(NOW, LEASE);

        var announced = payment.record(new ProviderAnswer.Declined("pi_1", "insufficient_funds"), NOW, CHECK);

        assertThat(announced).containsExactly(new ChargeFailed("order-1", "insufficient_funds"));
        assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(payment.failureReason()).isEqualTo("insufficient_funds");
        assertThat(payment.nextProviderCall()).isEmpty();
    }

    @Test
    void lateConfirmationDoesNotResurrectADeclinedOrCancelledPayment() {
        payment.startProviderCall(NOW, LEASE);
        payment.record(new ProviderAnswer.Declined("pi_1", "card_declined"), NOW, CHECK);

        assertThat(payment.record(new ProviderAnswer.Succeeded("pi_1"), NOW, CHECK))
                .isEmpty();
        assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);

        var cancelled = submitted("pi_2");
        cancelled.requestRefund(NOW);
        cancelled.record(new ProviderAnswer.Canceled("pi_2"), NOW, CHECK);

        assertThat(cancelled.record(new ProviderAnswer.Succeeded("pi_2"), NOW, CHECK))
                .isEmpty();
        assertThat(cancelled.status()).isEqualTo(PaymentStatus.CANCELLED);
    }

    @Test
    void refundBeforeTheChargeLeftIsACancellationWithoutProviderCall() {
        var announced = payment.requestRefund(NOW);

        assertThat(announced).containsExactly(new Refunded("order-1", Money.zero("CNY")));
        assertThat(payment.status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(payment.nextProviderCall()).isEmpty();
        assertThat(payment.chargeRequestedAgain())
                .containsExactly(new ChargeFailed("order-1", Payment.ORDER_CANCELLED));
    }

    @Test
    void refundOfAPendingChargeCancelsItAtTheProvider() {
        var pending = submitted("pi_1");

        assertThat(pending.requestRefund(NOW)).isEmpty();
        assertThat(pending.isProviderCallDue(NOW)).isTrue();
        assertThat(pending.nextProviderCall()).contains(new ProviderCall.Cancel(pending.id(), "pi_1"));

        var announced = pending.record(new ProviderAnswer.Canceled("pi_1"), NOW, CHECK);

        assertThat(announced).containsExactly(new Refunded("order-1", Money.zero("CNY")));
        assertThat(pending.status()).isEqualTo(PaymentStatus.CANCELLED);
    }

    @Test
    void chargeCapturedWhileItsCancellationWasUnderWayIsRefunded() {
        var pending = submitted("pi_1");
        pending.requestRefund(NOW);

        // The provider refuses to cancel: the charge was captured a moment earlier.
        var captured = pending.record(new ProviderAnswer.Succeeded("pi_1"), NOW, CHECK);

        assertThat(captured).containsExactly(new Charged("order-1", pending.id(), PRICE));
        assertThat(pending.nextProviderCall())
                .contains(new ProviderCall.Refund(pending.id(), "pi_1", PRICE, pending.refundKey()));

        var refunded = pending.record(new ProviderAnswer.Refunded("pi_1", PRICE), NOW, CHECK);

        assertThat(refunded).containsExactly(new Refunded("order-1", PRICE));
        assertThat(pending.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(pending.refunded()).isEqualTo(PRICE);
    }

    @Test
    void refundOfACapturedChargeGivesBackTheAmountOnce() {
        var captured = submitted("pi_1");
        captured.record(new ProviderAnswer.Succeeded("pi_1"), NOW, CHECK);

        assertThat(captured.requestRefund(NOW)).isEmpty();
        assertThat(captured.nextProviderCall())
                .contains(new ProviderCall.Refund(captured.id(), "pi_1", PRICE, captured.refundKey()));
        captured.record(new ProviderAnswer.Refunded("pi_1", PRICE), NOW, CHECK);

        assertThat(captured.requestRefund(NOW)).containsExactly(new Refunded("order-1", PRICE));
        assertThat(captured.record(new ProviderAnswer.Refunded("pi_1", PRICE), NOW, CHECK))
                .isEmpty();
        assertThat(captured.nextProviderCall()).isEmpty();
    }

    @Test
    void refundOfADeclinedPaymentGivesBackNothing() {
        payment.startProviderCall(NOW, LEASE);
        payment.record(new ProviderAnswer.Declined("pi_1", "card_declined"), NOW, CHECK);

        assertThat(payment.requestRefund(NOW)).containsExactly(new Refunded("order-1", Money.zero("CNY")));
        assertThat(payment.nextProviderCall()).isEmpty();
    }

    @Test
    void secondChargeRequestRepeatsTheFirstOutcomeWithoutANewCharge() {
        var captured = submitted("pi_1");
        assertThat(captured.chargeRequestedAgain()).isEmpty();

        captured.record(new ProviderAnswer.Succeeded("pi_1"), NOW, CHECK);

        assertThat(captured.chargeRequestedAgain()).containsExactly(new Charged("order-1", captured.id(), PRICE));
        assertThat(captured.nextProviderCall()).isEmpty();
    }

    @Test
    void refundLargerThanTheChargeIsRefused() {
        var captured = submitted("pi_1");
        captured.record(new ProviderAnswer.Succeeded("pi_1"), NOW, CHECK);
        captured.requestRefund(NOW);

        assertThatThrownBy(() -> captured.record(
                        new ProviderAnswer.Refunded("pi_1", new Money(PRICE.amount() + 1, "CNY")), NOW, CHECK))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void paymentMustBeForAPositiveAmount() {
        assertThatThrownBy(() -> Payment.request(
                        UUID.randomUUID(), "order-2", "customer-1", Money.zero("CNY"), "pm_card_visa", "sandbox", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Money(-1, "CNY")).isInstanceOf(IllegalArgumentException.class);
    }

    private Payment submitted(String reference) {
        var submitted =
                Payment.request(UUID.randomUUID(), "order-1", "customer-1", PRICE, "pm_card_visa", "sandbox", NOW);
        submitted.startProviderCall(NOW, LEASE);
        submitted.record(new ProviderAnswer.Processing(reference), NOW, CHECK);
        return submitted;
    }
}
