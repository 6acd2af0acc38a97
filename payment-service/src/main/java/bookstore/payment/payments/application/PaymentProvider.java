package bookstore.payment.payments.application;

import bookstore.payment.payments.domain.ProviderAnswer;
import bookstore.payment.payments.domain.ProviderCall;
import reactor.core.publisher.Mono;

/**
 * A payment provider: for cards the built-in sandbox or Stripe, for wallets Alipay and WeChat Pay
 * (whose sandboxes speak the providers' own protocols, so their adapters serve in every case). Calls that move money are idempotent by the
 * key they carry. A call fails (an error signal) only when its outcome is unknown, for instance
 * when the provider cannot be reached; a refusal the provider states is an answer, not an error.
 */
public interface PaymentProvider {

    /** The name payments record and webhooks are addressed to, e.g. {@code sandbox}. */
    String name();

    /**
     * Whether this provider takes payments by the method, e.g. {@code pm_card_visa} or {@code
     * alipay_qr} (see {@link bookstore.payment.payments.domain.PaymentMethods}).
     */
    boolean takes(String paymentMethod);

    Mono<ProviderAnswer> charge(ProviderCall.Charge call);

    Mono<ProviderAnswer> checkStatus(ProviderCall.CheckStatus call);

    /** Cancels an uncaptured charge; answers {@code Succeeded} if it was captured in the meantime. */
    Mono<ProviderAnswer> cancel(ProviderCall.Cancel call);

    Mono<ProviderAnswer> refund(ProviderCall.Refund call);

    default Mono<ProviderAnswer> execute(ProviderCall call) {
        return switch (call) {
            case ProviderCall.Charge charge -> charge(charge);
            case ProviderCall.CheckStatus check -> checkStatus(check);
            case ProviderCall.Cancel cancel -> cancel(cancel);
            case ProviderCall.Refund refund -> refund(refund);
        };
    }
}
