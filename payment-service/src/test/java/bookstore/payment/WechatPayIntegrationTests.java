package bookstore.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.events.Money;
import bookstore.events.order.ChargePayment;
import bookstore.events.order.RefundAmount;
import bookstore.events.order.RefundPayment;
import bookstore.events.payment.AmountRefunded;
import bookstore.events.payment.PaymentActionRequired;
import bookstore.events.payment.PaymentRefunded;
import bookstore.events.payment.PaymentSucceeded;
import bookstore.payment.payments.domain.PaymentMethods;
import bookstore.payment.provider.sandbox.SandboxPayLinks;
import bookstore.payment.provider.sandbox.SandboxWallet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * WeChat Pay Native end to end with the sandbox playing WeChat Pay: the real adapter calls the
 * sandbox's emulated API v3 through the SDK (signed requests, signed responses), the payer approves
 * on the sandbox's side, and its encrypted, signed notification comes back through the real
 * notification route.
 */
@PaymentServiceIntegrationTest
class WechatPayIntegrationTests extends PlayingTheSaga {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    List<SandboxWallet> wallets;

    @Value("${local.server.port}")
    int port;

    @Test
    void aQrCodePaidInTheWalletSucceedsThePaymentByNotification() {
        var charge = charge(PaymentMethods.WECHAT_NATIVE, 4_200);

        saga.send(charge);

        var action = actionFor(charge);
        assertThat(action.provider()).isEqualTo("wechatpay");
        assertThat(action.kind()).isEqualTo(PaymentActionRequired.QR_CODE);
        assertThat(action.value()).startsWith("http://localhost:" + port + SandboxPayLinks.PATH + "wechatpay-");
        assertThat(action.expiresAt()).isAfter(Instant.now());
        assertThat(order(charge, "trade_state")).isEqualTo("NOTPAY");

        var bill = wechat().approve(token(action)).block();

        assertThat(bill.status()).isEqualTo("PAID");
        assertThat(bill.amount()).isEqualTo(4_200);
        await().atMost(WAIT).untilAsserted(() -> assertThat(saga.eventsFor(charge.orderId(), PaymentSucceeded.class))
                .singleElement());
        assertThat(status(charge.orderId())).isEqualTo("SUCCEEDED");
        assertThat(order(charge, "trade_state")).isEqualTo("SUCCESS");
        assertThat(text(
                        "SELECT provider || ' ' || provider_reference FROM payment WHERE order_id = :order",
                        charge.orderId()))
                .isEqualTo("wechatpay " + paymentId(charge.orderId()).replace("-", ""));
    }

    @Test
    void aWaitingOrderRefundedIsClosedAtWechatPayAndCannotBePaidAfterwards() {
        var charge = charge(PaymentMethods.WECHAT_NATIVE, 3_000);
        saga.send(charge);
        String token = token(actionFor(charge));

        saga.send(new RefundPayment(UUID.randomUUID(), Instant.now(), charge.orderId(), "payment timed out"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(saga.eventsFor(charge.orderId(), PaymentRefunded.class))
                .singleElement()
                .satisfies(refunded -> assertThat(refunded.amount().amount()).isZero()));
        assertThat(status(charge.orderId())).isEqualTo("CANCELLED");
        assertThat(order(charge, "trade_state")).isEqualTo("CLOSED");

        var bill = wechat().approve(token).block();

        assertThat(bill.status()).isEqualTo("CLOSED");
        assertThat(order(charge, "trade_state")).isEqualTo("CLOSED");
        assertThat(saga.eventsFor(charge.orderId(), PaymentSucceeded.class)).isEmpty();
        assertThat(status(charge.orderId())).isEqualTo("CANCELLED");
    }

    @Test
    void partOfAPaidOrderGoesBackThroughWechatPay() {
        var charge = charge(PaymentMethods.WECHAT_NATIVE, 5_000);
        saga.send(charge);
        wechat().approve(token(actionFor(charge))).block();
        await().atMost(WAIT).until(() -> !saga.eventsFor(charge.orderId(), PaymentSucceeded.class)
                .isEmpty());
        String returnId = "return-" + UUID.randomUUID();

        saga.send(new RefundAmount(
                UUID.randomUUID(), Instant.now(), charge.orderId(), returnId, new Money(1_200, "CNY"), "damaged"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(saga.eventsFor(charge.orderId(), AmountRefunded.class))
                .singleElement()
                .satisfies(refunded -> {
                    assertThat(refunded.refundId()).isEqualTo(returnId);
                    assertThat(refunded.amount()).isEqualTo(new Money(1_200, "CNY"));
                    assertThat(refunded.totalRefunded()).isEqualTo(new Money(1_200, "CNY"));
                }));
        assertThat(count(
                        "SELECT coalesce(sum(r.amount), 0) FROM sandbox_wechatpay_refund r"
                                + " JOIN sandbox_wechatpay_order o ON o.out_trade_no = r.out_trade_no"
                                + " WHERE o.attach = :order",
                        charge.orderId()))
                .isEqualTo(1_200);
        assertThat(order(charge, "trade_state")).isEqualTo("REFUND");
        assertThat(status(charge.orderId())).isEqualTo("SUCCEEDED");
    }

    private PaymentActionRequired actionFor(ChargePayment charge) {
        await().atMost(WAIT).until(() -> !saga.eventsFor(charge.orderId(), PaymentActionRequired.class)
                .isEmpty());
        return saga.eventsFor(charge.orderId(), PaymentActionRequired.class).getFirst();
    }

    private SandboxWallet wechat() {
        return wallets.stream()
                .filter(wallet -> wallet.name().equals("wechatpay"))
                .findFirst()
                .orElseThrow();
    }

    private static String token(PaymentActionRequired action) {
        return action.value().substring(action.value().lastIndexOf('/') + 1);
    }

    /** A column of the sandbox WeChat Pay's order for the charge (its attach is the order id). */
    private String order(ChargePayment charge, String column) {
        return text("SELECT " + column + " FROM sandbox_wechatpay_order WHERE attach = :order", charge.orderId());
    }
}
