package bookstore.payment.provider.sandbox.wechatpay;

import bookstore.payment.provider.sandbox.SandboxWallet;
import bookstore.payment.provider.wechatpay.WechatPayProvider;
import java.time.Clock;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * The sandbox's WeChat Pay as the payer meets it: the QR codes it hands out lead to the scan-to-pay
 * page, which shows the order and pays or refuses it. Paying an order that still waits (not closed,
 * not past its {@code time_expire}) makes it SUCCESS and notifies the shop; refusing leaves it NOTPAY,
 * as closing the WeChat cashier does.
 */
class SandboxWechatPay implements SandboxWallet {

    static final String NAME = WechatPayProvider.NAME;

    private static final String DECLINED = "DECLINED";
    private static final String WAITING = "WAITING";

    private final SandboxWechatPayLedger ledger;
    private final SandboxWechatPayNotifier notifier;
    private final Clock clock;

    SandboxWechatPay(SandboxWechatPayLedger ledger, SandboxWechatPayNotifier notifier, Clock clock) {
        this.ledger = ledger;
        this.notifier = notifier;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Mono<Bill> bill(String token) {
        return ledger.findByToken(token).map(order -> order.bill(clock.instant()));
    }

    @Override
    public Mono<Bill> approve(String token, Duration notificationDelay) {
        return ledger.pay(token)
                .map(paid -> {
                    notifier.paid(paid, notificationDelay);
                    return paid.bill(clock.instant());
                })
                // Paid before, closed, expired, or a QR code replaced by a fresh one: it stays as it is.
                .switchIfEmpty(Mono.defer(() -> bill(token)));
    }

    @Override
    public Mono<Bill> decline(String token) {
        return bill(token)
                .map(bill -> WAITING.equals(bill.status())
                        ? new Bill(
                                bill.token(),
                                bill.wallet(),
                                bill.merchant(),
                                bill.subject(),
                                bill.amount(),
                                bill.currency(),
                                DECLINED,
                                bill.expiresAt())
                        : bill);
    }
}
