package bookstore.payment.provider.stripe;

import bookstore.payment.payments.application.PaymentProvider;
import bookstore.payment.payments.domain.CustomerAction;
import bookstore.payment.payments.domain.Money;
import bookstore.payment.payments.domain.PaymentMethods;
import bookstore.payment.payments.domain.ProviderAnswer;
import bookstore.payment.payments.domain.ProviderCall;
import bookstore.payment.webhook.StripeEventFormat;
import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeError;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Stripe through {@code stripe-java}: a charge is a PaymentIntent, created and then confirmed
 * server-side with the order's payment method; cancels and refunds act on that PaymentIntent. Every
 * request that can move money carries an idempotency key derived from the payment, so Stripe
 * answers a repeated request (ours or the SDK's own network retry) with the first one's result.
 *
 * <p>A card that asks for 3-D Secure is confirmed with a {@code return_url} (the storefront's order
 * page), so Stripe answers {@code requires_action} with a {@code redirect_to_url}: the customer is
 * sent there, authenticates with their bank and comes back to the order page, while the outcome
 * arrives as the signed webhook. The PaymentIntent's client secret is never kept or shown.
 *
 * <p>Stripe refusing a request (a declined card, an unknown payment method) is an answer; only
 * outcomes that are unknown (network failures, Stripe's own errors, rate limits) are errors, which
 * the caller retries later.
 */
class StripeProvider implements PaymentProvider {

    static final String NAME = "stripe";

    private static final String UNEXPECTED_STATE = "payment_intent_unexpected_state";
    private static final String ALREADY_REFUNDED = "charge_already_refunded";
    private static final String INVALID_REQUEST = "invalid_request_error";
    private static final String AUTHENTICATION_REQUIRED = "authentication_required";

    private final StripeClient stripe;
    private final UnaryOperator<String> returnUrl;

    /** @param returnUrl the storefront's page of an order, by the order's id */
    StripeProvider(StripeClient stripe, UnaryOperator<String> returnUrl) {
        this.stripe = stripe;
        this.returnUrl = returnUrl;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Cards: every method that is not a wallet's. */
    @Override
    public boolean takes(String paymentMethod) {
        return !PaymentMethods.isWallet(paymentMethod);
    }

    @Override
    public Mono<ProviderAnswer> charge(ProviderCall.Charge call) {
        return blocking(() -> {
            PaymentIntent intent;
            try {
                intent = stripe.v1()
                        .paymentIntents()
                        .create(
                                PaymentIntentCreateParams.builder()
                                        .setAmount(call.amount().amount())
                                        .setCurrency(call.amount().currency().toLowerCase(Locale.ROOT))
                                        .setPaymentMethod(call.paymentMethod())
                                        .addPaymentMethodType("card")
                                        .setDescription("Bookstore order " + call.orderId())
                                        .putMetadata(
                                                StripeEventFormat.PAYMENT_ID,
                                                call.paymentId().toString())
                                        .putMetadata(StripeEventFormat.ORDER_ID, call.orderId())
                                        .build(),
                                idempotent(call.idempotencyKey() + "-create"));
            } catch (InvalidRequestException refused) {
                // E.g. a payment method Stripe does not know: no attempt will ever succeed.
                return new ProviderAnswer.Declined(null, StripeEventFormat.declineReason(refused.getCode(), null));
            }
            try {
                intent = stripe.v1()
                        .paymentIntents()
                        .confirm(
                                intent.getId(),
                                PaymentIntentConfirmParams.builder()
                                        .setReturnUrl(returnUrl.apply(call.orderId()))
                                        .build(),
                                idempotent(call.idempotencyKey() + "-confirm"));
            } catch (CardException declined) {
                return new ProviderAnswer.Declined(
                        intent.getId(), StripeEventFormat.declineReason(declined.getCode(), declined.getDeclineCode()));
            } catch (InvalidRequestException refused) {
                return new ProviderAnswer.Declined(
                        intent.getId(), StripeEventFormat.declineReason(refused.getCode(), null));
            }
            return answerOf(intent);
        });
    }

    @Override
    public Mono<ProviderAnswer> checkStatus(ProviderCall.CheckStatus call) {
        return blocking(() -> answerOf(stripe.v1().paymentIntents().retrieve(call.reference())));
    }

    @Override
    public Mono<ProviderAnswer> cancel(ProviderCall.Cancel call) {
        return blocking(() -> {
            try {
                return answerOf(stripe.v1()
                        .paymentIntents()
                        .cancel(
                                call.reference(),
                                PaymentIntentCancelParams.builder()
                                        .setCancellationReason(
                                                PaymentIntentCancelParams.CancellationReason.REQUESTED_BY_CUSTOMER)
                                        .build()));
            } catch (InvalidRequestException refused) {
                if (!UNEXPECTED_STATE.equals(refused.getCode())) {
                    throw refused;
                }
                // Captured (or cancelled) in the meantime: the PaymentIntent's state is the answer.
                return answerOf(stripe.v1().paymentIntents().retrieve(call.reference()));
            }
        });
    }

    /**
     * A Refund of the PaymentIntent ({@code POST /v1/refunds} with {@code payment_intent}, {@code
     * amount} and the refund's idempotency key): all that is left of it, or one partial refund. Stripe
     * refusing a partial refund ({@code amount_too_large}, {@code charge_already_refunded}, {@code
     * charge_disputed}…) is an answer, and so is a refund it reports {@code failed} or {@code
     * canceled}: that part is refused for good. The refund of all that is left is owed to a cancelled
     * order and is tried again instead.
     */
    @Override
    public Mono<ProviderAnswer> refund(ProviderCall.Refund call) {
        return blocking(() -> {
            var params = RefundCreateParams.builder()
                    .setPaymentIntent(call.reference())
                    .setAmount(call.amount().amount())
                    .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
                    .putMetadata(StripeEventFormat.PAYMENT_ID, call.paymentId().toString());
            if (call.refundId() != null) {
                params.putMetadata(StripeEventFormat.REFUND_ID, call.refundId());
            }
            Refund refund;
            try {
                refund = stripe.v1().refunds().create(params.build(), idempotent(call.idempotencyKey()));
            } catch (InvalidRequestException refused) {
                if (call.refundId() != null) {
                    return new ProviderAnswer.RefundRefused(
                            call.reference(),
                            call.refundId(),
                            refused.getCode() == null ? INVALID_REQUEST : refused.getCode());
                }
                if (!ALREADY_REFUNDED.equals(refused.getCode())) {
                    throw refused;
                }
                return new ProviderAnswer.Refunded(call.reference(), call.amount());
            }
            if ("failed".equals(refund.getStatus()) || "canceled".equals(refund.getStatus())) {
                if (call.refundId() != null) {
                    return new ProviderAnswer.RefundRefused(
                            call.reference(),
                            call.refundId(),
                            refund.getFailureReason() == null
                                    ? "refund_" + refund.getStatus()
                                    : refund.getFailureReason());
                }
                throw new IllegalStateException(
                        "Stripe could not refund " + call.reference() + ": refund " + refund.getStatus());
            }
            // Pending refunds count: Stripe has taken them and the money is on its way back.
            return new ProviderAnswer.Refunded(
                    call.reference(),
                    new Money(refund.getAmount(), refund.getCurrency().toUpperCase(Locale.ROOT)),
                    call.refundId());
        });
    }

    private static ProviderAnswer answerOf(PaymentIntent intent) {
        return switch (intent.getStatus()) {
            case "succeeded" -> new ProviderAnswer.Succeeded(intent.getId());
            case "canceled" -> new ProviderAnswer.Canceled(intent.getId());
            case "requires_payment_method" -> new ProviderAnswer.Declined(intent.getId(), reasonOf(intent));
            case "requires_action" -> actionOf(intent);
            default -> new ProviderAnswer.Processing(intent.getId());
        };
    }

    /**
     * 3-D Secure: the customer goes to the URL Stripe gave. Any other next action (one for Stripe.js,
     * which this shop does not run) cannot be completed, and is the decline Stripe would give it.
     */
    private static ProviderAnswer actionOf(PaymentIntent intent) {
        var next = intent.getNextAction();
        if (next == null
                || next.getRedirectToUrl() == null
                || next.getRedirectToUrl().getUrl() == null) {
            return new ProviderAnswer.Declined(intent.getId(), AUTHENTICATION_REQUIRED);
        }
        return new ProviderAnswer.ActionRequired(
                intent.getId(),
                new CustomerAction(
                        CustomerAction.Kind.REDIRECT, next.getRedirectToUrl().getUrl(), null));
    }

    private static String reasonOf(PaymentIntent intent) {
        StripeError error = intent.getLastPaymentError();
        return error == null
                ? "payment_failed"
                : StripeEventFormat.declineReason(error.getCode(), error.getDeclineCode());
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    /** The SDK blocks; its calls run where blocking is allowed. */
    private static Mono<ProviderAnswer> blocking(StripeCall call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }

    @FunctionalInterface
    private interface StripeCall extends Callable<ProviderAnswer> {

        @Override
        ProviderAnswer call() throws StripeException;
    }
}
