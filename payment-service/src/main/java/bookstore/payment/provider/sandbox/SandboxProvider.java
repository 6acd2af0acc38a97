package bookstore.payment.provider.sandbox;

import bookstore.payment.payments.application.PaymentProvider;
import bookstore.payment.payments.domain.Money;
import bookstore.payment.payments.domain.ProviderAnswer;
import bookstore.payment.payments.domain.ProviderCall;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * A payment provider that behaves like Stripe in test mode, without leaving the building. Declines
 * are answered at once, as Stripe answers them at confirmation; approved charges are accepted as
 * {@code processing} and captured a moment later, which the sandbox reports through a signed
 * webhook — the path real providers take for anything asynchronous. Calls are idempotent by key.
 */
class SandboxProvider implements PaymentProvider {

    static final String NAME = "sandbox";

    private static final Logger log = LoggerFactory.getLogger(SandboxProvider.class);

    private final SandboxLedger ledger;
    private final SandboxWebhooks webhooks;
    private final SandboxProperties properties;
    private final Clock clock;

    SandboxProvider(SandboxLedger ledger, SandboxWebhooks webhooks, SandboxProperties properties, Clock clock) {
        this.ledger = ledger;
        this.webhooks = webhooks;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Mono<ProviderAnswer> charge(ProviderCall.Charge call) {
        var declineReason = SandboxCards.declineReason(call.paymentMethod());
        var intent = new SandboxIntent(
                "pi_sbx_" + UUID.randomUUID().toString().replace("-", ""),
                call.amount().amount(),
                call.amount().currency(),
                call.paymentMethod(),
                declineReason.isPresent() ? SandboxIntent.DECLINED : SandboxIntent.PROCESSING,
                declineReason.orElse(null),
                call.paymentId().toString(),
                call.orderId(),
                clock.instant());
        return ledger.createOrFind(intent, call.idempotencyKey()).map(stored -> {
            if (stored.isNew()) {
                if (declineReason.isPresent()) {
                    webhooks.send("payment_intent.payment_failed", stored.intent());
                } else {
                    captureLater(stored.intent().id());
                }
            }
            return stored.intent().answer();
        });
    }

    @Override
    public Mono<ProviderAnswer> checkStatus(ProviderCall.CheckStatus call) {
        return intent(call.reference()).flatMap(intent -> {
            boolean overdue = SandboxIntent.PROCESSING.equals(intent.status())
                    && !intent.createdAt().plus(properties.confirmationDelay()).isAfter(clock.instant());
            // A capture scheduled before a restart is made now, when someone asks.
            return overdue ? capture(intent.id()).defaultIfEmpty(intent.answer()) : Mono.just(intent.answer());
        });
    }

    @Override
    public Mono<ProviderAnswer> cancel(ProviderCall.Cancel call) {
        return ledger.transition(call.reference(), SandboxIntent.PROCESSING, SandboxIntent.CANCELED)
                .map(canceled -> {
                    webhooks.send("payment_intent.canceled", canceled);
                    return canceled.answer();
                })
                // Already captured (or declined, or cancelled): the charge is what it is.
                .switchIfEmpty(Mono.defer(() -> intent(call.reference()).map(SandboxIntent::answer)));
    }

    @Override
    public Mono<ProviderAnswer> refund(ProviderCall.Refund call) {
        return ledger.refund(call.reference(), call.amount().amount(), call.idempotencyKey())
                .map(refunded -> new ProviderAnswer.Refunded(
                        call.reference(), new Money(refunded, call.amount().currency())));
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
                    return captured.answer();
                });
    }

    private Mono<SandboxIntent> intent(String reference) {
        return ledger.find(reference)
                .switchIfEmpty(Mono.error(() -> new IllegalArgumentException("no such payment intent " + reference)));
    }
}
