package bookstore.payment.reconciliation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bookstore.payment.payments.domain.CustomerAction;
import bookstore.payment.payments.domain.PaymentStatus;
import bookstore.payment.payments.domain.ProviderAnswer;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What our status of a settled payment and the provider's answer must agree on. */
class ReconciliationComparisonTests {

    static final ProviderAnswer CAPTURED = new ProviderAnswer.Succeeded("pi_1");
    static final ProviderAnswer DECLINED = new ProviderAnswer.Declined("pi_1", "card_declined");
    static final ProviderAnswer CANCELED = new ProviderAnswer.Canceled("pi_1");
    static final ProviderAnswer PROCESSING = new ProviderAnswer.Processing("pi_1");
    static final ProviderAnswer WAITING_FOR_THE_CUSTOMER = new ProviderAnswer.ActionRequired(
            "pi_1", new CustomerAction(CustomerAction.Kind.QR_CODE, "https://qr.example/1", Instant.EPOCH));

    @Test
    void aSucceededPaymentMustBeCapturedAtTheProvider() {
        assertThat(Comparison.of(PaymentStatus.SUCCEEDED, CAPTURED)).isEmpty();
        for (ProviderAnswer notCaptured :
                new ProviderAnswer[] {DECLINED, CANCELED, PROCESSING, WAITING_FOR_THE_CUSTOMER}) {
            assertThat(Comparison.of(PaymentStatus.SUCCEEDED, notCaptured))
                    .as("ours succeeded, theirs %s", notCaptured)
                    .contains(MismatchKind.RECORDED_NOT_CAPTURED);
        }
    }

    @Test
    void aFailedOrCancelledPaymentMustNeitherBeCapturedNorStillOpen() {
        for (PaymentStatus ours : new PaymentStatus[] {PaymentStatus.FAILED, PaymentStatus.CANCELLED}) {
            assertThat(Comparison.of(ours, CAPTURED)).contains(MismatchKind.CAPTURED_NOT_RECORDED);
            assertThat(Comparison.of(ours, PROCESSING)).contains(MismatchKind.OPEN_AT_PROVIDER);
            assertThat(Comparison.of(ours, WAITING_FOR_THE_CUSTOMER)).contains(MismatchKind.OPEN_AT_PROVIDER);
            assertThat(Comparison.of(ours, DECLINED)).isEmpty();
            assertThat(Comparison.of(ours, CANCELED)).isEmpty();
        }
    }

    @Test
    void aRefundedPaymentIsNotCompared() {
        // A trade given back in full reads closed at some providers and paid at others.
        assertThat(Comparison.of(PaymentStatus.REFUNDED, CAPTURED)).isEmpty();
        assertThat(Comparison.of(PaymentStatus.REFUNDED, CANCELED)).isEmpty();
    }

    @Test
    void aPaymentStillProcessingHasNothingToReconcile() {
        assertThatThrownBy(() -> Comparison.of(PaymentStatus.PROCESSING, CAPTURED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bothSidesAreReportedAsOneWordEach() {
        assertThat(Comparison.describe(PaymentStatus.CANCELLED)).isEqualTo("cancelled");
        assertThat(Comparison.describe(CAPTURED)).isEqualTo("succeeded");
        assertThat(Comparison.describe(WAITING_FOR_THE_CUSTOMER)).isEqualTo("action_required");
        assertThat(MismatchKind.CAPTURED_NOT_RECORDED.code()).isEqualTo("captured_not_recorded");
        assertThat(MismatchKind.ofCode("open_at_provider")).isEqualTo(MismatchKind.OPEN_AT_PROVIDER);
    }
}
