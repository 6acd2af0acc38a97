package bookstore.payment.provider.sandbox;

import bookstore.payment.payments.application.PaymentProvider;
import bookstore.payment.payments.domain.Money;
import bookstore.payment.payments.domain.PaymentMethods;
import bookstore.payment.payments.domain.ProviderAnswer;
import bookstore.payment.payments.domain.ProviderCall;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * A payment provider that behaves like Stripe in test mode, without leaving the building. A card is
 * captured or declined in the call, as Stripe answers a PaymentIntent confirmed with a card ({@code
 * succeeded} or {@code requires_payment_method}), and the outcome follows as a signed webhook a
 * moment later, as Stripe's events do. The sandbox's own {@link SandboxCards#CONFIRMED_LATER} card
 * is accepted as {@code processing} and captured a moment later, which only a webhook reports: the
 * path real providers take for anything asynchronous. A card that asks for 3-D Secure waits in
 * {@code requires_action}, answered with a redirect to the sandbox's page, where {@link
 * SandboxCardWallet} lets the cardholder confirm or refuse it. Calls are idempotent by key.
 */
class SandboxProvider implements PaymentProvider {

    static final String NAME = "sandbox";

    private static final Logger log = LoggerFactory.getLogger(SandboxProvider.class);

    private final SandboxLedger ledger;
    private final SandboxWebhooks webhooks;
    private final SandboxProperties properties;
    private final SandboxPayLinks links;
    private final Clock clock;

    SandboxProvider(
            SandboxLedger ledger,
            SandboxWebhooks webhooks,
            SandboxProperties properties,
            SandboxPayLinks links,
            Clock clock) {
        this.ledger = ledger;
        this.webhooks = webhooks;
        this.properties = properties;
        this.links = links;
        this.clock = clock;
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
        var declineReason = SandboxCards.declineReason(call.paymentMethod());
        String status;
        if (declineReason.isPresent()) {
            status = SandboxIntent.DECLINED;
        } else if (SandboxCards.requiresAuthentication(call.paymentMethod())) {
            status = SandboxIntent.REQUIRES_ACTION;
        } else if (SandboxCards.confirmsLater(call.paymentMethod())) {
            status = SandboxIntent.PROCESSING;
        } else {
            status = SandboxIntent.SUCCEEDED;
        }
        var intent = new SandboxIntent(
                "pi_sbx_" + UUID.randomUUID().toString().replace("-", ""),
                call.amount().amount(),
                call.amount().currency(),
                call.paymentMethod(),
                status,
                declineReason.orElse(null),
                call.paymentId().toString(),
                call.orderId(),
                clock.instant());
        return ledger.createOrFind(intent, call.idempotencyKey()).map(stored -> {
            if (stored.isNew()) {
                switch (stored.intent().status()) {
                    // The cardholder's answer on the page decides, and is reported then.
                    case SandboxIntent.REQUIRES_ACTION -> {}
                    case SandboxIntent.PROCESSING ->
                        captureLater(stored.intent().id());
                    case SandboxIntent.SUCCEEDED ->
                        webhooks.send("payment_intent.succeeded", stored.intent(), properties.eventDelay());
                    default -> webhooks.send("payment_intent.payment_failed", stored.intent(), properties.eventDelay());
                }
            }
            return answerOf(stored.intent());
        });
    }

    @Override
    public Mono<ProviderAnswer> checkStatus(ProviderCall.CheckStatus call) {
        return intent(call.reference()).flatMap(intent -> {
            boolean overdue = SandboxIntent.PROCESSING.equals(intent.status())
                    && !intent.createdAt().plus(properties.confirmationDelay()).isAfter(clock.instant());
            // A capture scheduled before a restart is made now, when someone asks.
            return overdue ? capture(intent.id()).defaultIfEmpty(answerOf(intent)) : Mono.just(answerOf(intent));
        });
    }

    /** Cancels a charge not yet captured: one being processed, or one waiting for 3-D Secure. */
    @Override
    public Mono<ProviderAnswer> cancel(ProviderCall.Cancel call) {
        return ledger.transition(call.reference(), SandboxIntent.PROCESSING, SandboxIntent.CANCELED)
                .switchIfEmpty(Mono.defer(() ->
                        ledger.transition(call.reference(), SandboxIntent.REQUIRES_ACTION, SandboxIntent.CANCELED)))
                .map(canceled -> {
                    webhooks.send("payment_intent.canceled", canceled, properties.eventDelay());
                    return answerOf(canceled);
                })
                // Already captured (or declined, or cancelled): the charge is what it is.
                .switchIfEmpty(Mono.defer(() -> intent(call.reference()).map(this::answerOf)));
    }

    @Override
    public Mono<ProviderAnswer> refund(ProviderCall.Refund call) {
        return ledger.refund(call.reference(), call.amount().amount(), call.idempotencyKey())
                .flatMap(refunding -> {
                    if (refunding.refusal() == null) {
                        return Mono.just(new ProviderAnswer.Refunded(
                                call.reference(),
                                new Money(refunding.amount(), call.amount().currency()),
                                call.refundId()));
                    }
                    // A part is refused for good; the refund of all that is left is tried again later.
                    return call.refundId() != null
                            ? Mono.just(new ProviderAnswer.RefundRefused(
                                    call.reference(), call.refundId(), refunding.refusal()))
                            : Mono.error(new IllegalStateException("sandbox refused to refund " + call.amount() + " of "
                                    + call.reference() + ": " + refunding.refusal()));
                });
    }

    private void captureLater(String intentId) {
        Mono.delay(properties.confirmationDelay())
                .then(capture(intentId))
                .subscribe(captured -> {}, failure -> log.warn("Sandbox could not capture {}", intentId, failure));
    }

    /** Captures a processing charge and says so by webhook; empty if it is no longer processing. */
    private Mono<ProviderAnswer> capture(String intentId) {
        return ledger.transition(intentId, SandboxIntent.PROCESSING, SandboxIntent.SUCCEEDED)
                .map(captured -> {
                    webhooks.send("payment_intent.succeeded", captured);
                    return answerOf(captured);
                });
    }

    /**
     * The cardholder confirmed 3-D Secure: the charge is captured, and Stripe's event follows. Empty
     * if it no longer waited (captured, refused or cancelled already).
     */
    Mono<SandboxIntent> authenticated(String intentId, Duration eventDelay) {
        return ledger.transition(intentId, SandboxIntent.REQUIRES_ACTION, SandboxIntent.SUCCEEDED)
                .doOnNext(captured -> webhooks.send("payment_intent.succeeded", captured, eventDelay));
    }

    /**
     * The cardholder refused 3-D Secure: the charge fails with Stripe's {@code
     * authentication_required}, and Stripe's event follows. Empty if it no longer waited.
     */
    Mono<SandboxIntent> authenticationRefused(String intentId) {
        return ledger.decline(intentId, SandboxIntent.REQUIRES_ACTION, SandboxCards.AUTHENTICATION_REQUIRED)
                .doOnNext(declined -> webhooks.send("payment_intent.payment_failed", declined));
    }

    Mono<SandboxIntent> find(String intentId) {
        return ledger.find(intentId);
    }

    /** Stripe's answer for a charge; one waiting for 3-D Secure leads to the sandbox's page. */
    private ProviderAnswer answerOf(SandboxIntent intent) {
        return intent.answer(this::authenticationPage);
    }

    private URI authenticationPage(SandboxIntent intent) {
        return links.pageFor(SandboxCardWallet.tokenFor(intent.id()));
    }

    private Mono<SandboxIntent> intent(String reference) {
        return ledger.find(reference)
                .switchIfEmpty(Mono.error(() -> new IllegalArgumentException("no such payment intent " + reference)));
    }
}
