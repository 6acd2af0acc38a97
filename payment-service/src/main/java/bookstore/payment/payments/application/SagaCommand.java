package bookstore.payment.payments.application;

import java.util.Objects;

/** A request from the order saga, and the trace its work continues. */
public record SagaCommand(PaymentRequest request, InTrace trace) {

    public SagaCommand {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(trace, "trace");
    }

    /** A request made outside any trace (or in the caller's own). */
    public static SagaCommand of(PaymentRequest request) {
        return new SagaCommand(request, InTrace.AS_IS);
    }
}
