package bookstore.payment.provider.sandbox.alipay;

import bookstore.payment.provider.sandbox.SandboxWallet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * The sandbox Alipay as the payer's Alipay app: the scan-to-pay page shows a trade by the token its
 * QR code or cashier link carries, and approving pays it (the notification follows, as Alipay sends
 * it). Declining is closing the app: the trade keeps waiting until it is paid, closed or expires. A
 * closed, expired or paid trade cannot be paid.
 */
class SandboxAlipayWallet implements SandboxWallet {

    static final String NAME = "alipay";

    /** The payer's masked account, as Alipay shows it to the merchant. */
    static final String BUYER = "sbx***@sandbox.alipay";

    private static final String MERCHANT = "Bookstore";

    private final SandboxAlipayTrades trades;
    private final SandboxAlipayNotifier notifier;
    private final Clock clock;

    SandboxAlipayWallet(SandboxAlipayTrades trades, SandboxAlipayNotifier notifier, Clock clock) {
        this.trades = trades;
        this.notifier = notifier;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Mono<Bill> bill(String token) {
        return trades.findByToken(token).map(this::billOf);
    }

    @Override
    public Mono<Bill> approve(String token, Duration notificationDelay) {
        return trades.inTransaction(trades.lockByToken(token).flatMap(trade -> {
                    Instant now = clock.instant();
                    return trade.isWaiting(now)
                            ? trades.update(trade.withStatus(SandboxAlipayTrade.TRADE_SUCCESS, now))
                                    .map(Paid::new)
                            : Mono.just(new Unchanged(trade));
                }))
                .map(outcome -> {
                    if (outcome instanceof Paid(SandboxAlipayTrade paid)) {
                        notifier.tradeStatus(paid, notificationDelay);
                    }
                    return billOf(outcome.trade());
                });
    }

    /** The payer closes the Alipay app: the trade waits on. */
    @Override
    public Mono<Bill> decline(String token) {
        return bill(token);
    }

    private Bill billOf(SandboxAlipayTrade trade) {
        return new Bill(
                trade.token(),
                NAME,
                MERCHANT,
                trade.subject(),
                trade.totalAmount(),
                "CNY",
                statusOf(trade),
                trade.timeExpire());
    }

    private String statusOf(SandboxAlipayTrade trade) {
        if (trade.isExpired(clock.instant())) {
            return "EXPIRED";
        }
        return switch (trade.status()) {
            case SandboxAlipayTrade.WAIT_BUYER_PAY -> "WAITING";
            case SandboxAlipayTrade.TRADE_SUCCESS, SandboxAlipayTrade.TRADE_FINISHED -> "PAID";
            default -> "CLOSED";
        };
    }

    private sealed interface Outcome permits Paid, Unchanged {
        SandboxAlipayTrade trade();
    }

    private record Paid(SandboxAlipayTrade trade) implements Outcome {}

    private record Unchanged(SandboxAlipayTrade trade) implements Outcome {}
}
