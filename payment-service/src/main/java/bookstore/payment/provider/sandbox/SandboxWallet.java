package bookstore.payment.provider.sandbox;

import java.time.Duration;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * One of the sandbox's stand-ins for a provider the customer completes a payment with (Alipay,
 * WeChat Pay, a card's 3-D Secure). The QR code or link the stand-in hands out leads to the
 * sandbox's "scan to pay" page, where a person approves or declines the payment as they would in
 * the provider's app; the stand-in then notifies the shop in the provider's own format.
 *
 * <p>Tokens are what the QR codes and links carry: each names one trade and starts with the
 * wallet's {@link #name()} and a hyphen, so the page knows which wallet a token belongs to.
 */
public interface SandboxWallet {

    /** The provider this wallet stands in for, e.g. {@code alipay}; also its tokens' prefix. */
    String name();

    /** What the page shows for a token; empty for a token this wallet never handed out. */
    Mono<Bill> bill(String token);

    /**
     * The person pays. Only a trade that still waits is paid (a closed, expired or paid one stays as
     * it is); the notification follows as the provider would send it.
     */
    default Mono<Bill> approve(String token) {
        return approve(token, Duration.ZERO);
    }

    /**
     * The person pays, and the provider's notification of it is held back for {@code
     * notificationDelay}: the late notifications real providers send (their retries, a slow network),
     * which may reach the shop after the order stopped waiting. The trade is paid at once, so closing
     * it meanwhile finds it paid.
     */
    Mono<Bill> approve(String token, Duration notificationDelay);

    /** The person refuses to pay; the trade fails or stays open, as the provider would have it. */
    Mono<Bill> decline(String token);

    /**
     * A trade as the payer sees it.
     *
     * @param merchant the shop's name as the provider shows it
     * @param subject what is paid for
     * @param amount minor units (fen)
     * @param status {@code WAITING}, {@code PAID}, {@code DECLINED}, {@code CLOSED} or {@code EXPIRED}
     * @param expiresAt when the trade stops taking payment; null if never
     */
    record Bill(
            String token,
            String wallet,
            String merchant,
            String subject,
            long amount,
            String currency,
            String status,
            Instant expiresAt) {}
}
