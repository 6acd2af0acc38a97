package bookstore.payment.reconciliation.domain;

import java.util.Locale;

/** How our record of a settled payment and the provider's disagree. */
public enum MismatchKind {

    /**
     * We failed or cancelled the payment, the provider captured it: money the shop holds without an
     * order that was paid for. Recorded as the provider's late capture, which gives the money back.
     */
    CAPTURED_NOT_RECORDED,

    /** We failed or cancelled the payment, the provider still waits for it (the trade was never closed). */
    OPEN_AT_PROVIDER,

    /** We recorded a capture the provider does not have: an order confirmed without the money. */
    RECORDED_NOT_CAPTURED;

    /** The name in the API, the database and the metric's {@code kind} tag, e.g. {@code captured_not_recorded}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MismatchKind ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
