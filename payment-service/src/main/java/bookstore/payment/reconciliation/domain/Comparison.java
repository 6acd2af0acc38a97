package bookstore.payment.reconciliation.domain;

import bookstore.payment.payments.domain.PaymentStatus;
import bookstore.payment.payments.domain.ProviderAnswer;
import java.util.Locale;
import java.util.Optional;

/**
 * What our status of a settled payment and the provider's current answer about its charge must
 * agree on. A refunded payment is not compared: a trade given back in full reads closed at some
 * providers and paid at others, so neither answer says anything is wrong.
 */
public final class Comparison {

    private Comparison() {}

    /**
     * @param ours a settled status (not {@code PROCESSING}, which has no outcome to compare yet)
     * @return how they disagree; empty when they agree or are not compared
     */
    public static Optional<MismatchKind> of(PaymentStatus ours, ProviderAnswer theirs) {
        boolean captured = theirs instanceof ProviderAnswer.Succeeded;
        boolean waiting =
                theirs instanceof ProviderAnswer.Processing || theirs instanceof ProviderAnswer.ActionRequired;
        return switch (ours) {
            case PROCESSING ->
                throw new IllegalArgumentException("a payment still processing has nothing to reconcile");
            case SUCCEEDED -> captured ? Optional.empty() : Optional.of(MismatchKind.RECORDED_NOT_CAPTURED);
            case FAILED, CANCELLED -> {
                if (captured) {
                    yield Optional.of(MismatchKind.CAPTURED_NOT_RECORDED);
                }
                yield waiting ? Optional.of(MismatchKind.OPEN_AT_PROVIDER) : Optional.empty();
            }
            case REFUNDED -> Optional.empty();
        };
    }

    /**
     * The provider's answer as one word, e.g. {@code succeeded}, {@code declined},
     * {@code action_required}: what a mismatch reports as theirs.
     */
    public static String describe(ProviderAnswer theirs) {
        return switch (theirs) {
            case ProviderAnswer.Succeeded succeeded -> "succeeded";
            case ProviderAnswer.Declined declined -> "declined";
            case ProviderAnswer.Canceled canceled -> "canceled";
            case ProviderAnswer.Processing processing -> "processing";
            case ProviderAnswer.ActionRequired required -> "action_required";
            case ProviderAnswer.Refunded refunded -> "refunded";
            case ProviderAnswer.RefundRefused refused -> "refund_refused";
        };
    }

    /** Our status as a mismatch reports it, e.g. {@code cancelled}. */
    public static String describe(PaymentStatus ours) {
        return ours.name().toLowerCase(Locale.ROOT);
    }
}
