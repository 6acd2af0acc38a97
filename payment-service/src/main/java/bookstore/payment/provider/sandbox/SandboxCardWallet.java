package bookstore.payment.provider.sandbox;

import java.time.Duration;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * 3-D Secure for the sandbox's cards: the page a cardholder's bank would show, as a {@link
 * SandboxWallet} named {@value #NAME}. A charge with a card that asks for it waits in {@code
 * requires_action}; its token is {@code card-} and the PaymentIntent's id. Confirming captures the
 * charge ({@code payment_intent.succeeded}), refusing fails it with {@code authentication_required}
 * ({@code payment_intent.payment_failed}), as Stripe reports them.
 */
final class SandboxCardWallet implements SandboxWallet {

    static final String NAME = "card";

    private static final String PREFIX = NAME + "-";

    /** How the shop appears on the page, in both of its languages. */
    private static final String MERCHANT = "图书商城 Bookstore";

    private final SandboxProvider provider;

    SandboxCardWallet(SandboxProvider provider) {
        this.provider = provider;
    }

    static String tokenFor(String intentId) {
        return PREFIX + intentId;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Mono<Bill> bill(String token) {
        return intentOf(token)
                .flatMap(provider::find)
                .filter(SandboxCardWallet::authenticates)
                .map(this::billOf);
    }

    @Override
    public Mono<Bill> approve(String token, Duration notificationDelay) {
        return settle(token, intent -> provider.authenticated(intent, notificationDelay));
    }

    @Override
    public Mono<Bill> decline(String token) {
        return settle(token, provider::authenticationRefused);
    }

    /** Acts on a charge that waits; one that no longer does is shown as it is. */
    private Mono<Bill> settle(String token, Function<String, Mono<SandboxIntent>> step) {
        return bill(token)
                .flatMap(found ->
                        intentOf(token).flatMap(step).map(this::billOf).switchIfEmpty(Mono.defer(() -> bill(token))));
    }

    private static Mono<String> intentOf(String token) {
        return token.startsWith(PREFIX) && token.length() > PREFIX.length()
                ? Mono.just(token.substring(PREFIX.length()))
                : Mono.empty();
    }

    /** Only charges with a card that asks for 3-D Secure have a page; any other intent id is unknown here. */
    private static boolean authenticates(SandboxIntent intent) {
        return SandboxCards.requiresAuthentication(intent.paymentMethod());
    }

    private Bill billOf(SandboxIntent intent) {
        return new Bill(
                tokenFor(intent.id()),
                NAME,
                MERCHANT,
                "Order " + intent.orderId(),
                intent.amount(),
                intent.currency(),
                statusOf(intent),
                null);
    }

    private static String statusOf(SandboxIntent intent) {
        return switch (intent.status()) {
            case SandboxIntent.REQUIRES_ACTION -> "WAITING";
            case SandboxIntent.SUCCEEDED -> "PAID";
            case SandboxIntent.DECLINED -> "DECLINED";
            default -> "CLOSED";
        };
    }
}
