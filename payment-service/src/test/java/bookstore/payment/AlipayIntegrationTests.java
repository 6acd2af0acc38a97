package bookstore.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.events.Money;
import bookstore.events.order.ChargePayment;
import bookstore.events.order.RefundAmount;
import bookstore.events.order.RefundPayment;
import bookstore.events.order.RenewPaymentAction;
import bookstore.events.payment.AmountRefunded;
import bookstore.events.payment.PaymentActionRequired;
import bookstore.events.payment.PaymentRefunded;
import bookstore.events.payment.PaymentSucceeded;
import bookstore.events.payment.RefundRefused;
import bookstore.payment.provider.sandbox.SandboxPayLinks;
import bookstore.payment.provider.sandbox.SandboxWallet;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Alipay end to end, with the sandbox playing Alipay: the saga's commands arrive on Kafka, the real
 * adapter calls the sandbox's {@code gateway.do} over HTTP with the SDK (RSA2 both ways), the
 * customer's Alipay app is the sandbox wallet behind the QR code, and Alipay's signed notification
 * comes back to {@code /api/payments/webhooks/alipay}.
 */
@PaymentServiceIntegrationTest
class AlipayIntegrationTests extends PlayingTheSaga {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    List<SandboxWallet> wallets;

    SandboxWallet alipay;

    @BeforeEach
    void theCustomersAlipayApp() {
        alipay = wallets.stream()
                .filter(wallet -> wallet.name().equals("alipay"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void qrPaymentIsConfirmedByAlipaysNotificationOnceTheCustomerPays() {
        var charge = charge("alipay_qr", 1_230);
        saga.send(charge);

        PaymentActionRequired action = actionFor(charge.orderId());
        assertThat(action.provider()).isEqualTo("alipay");
        assertThat(action.kind()).isEqualTo(PaymentActionRequired.QR_CODE);
        assertThat(action.value()).contains(SandboxPayLinks.PATH + "alipay-");
        assertThat(tradeStatus(charge.orderId())).isEqualTo("WAIT_BUYER_PAY");

        var bill = alipay.approve(tokenOf(action)).block();
        assertThat(bill.status()).isEqualTo("PAID");
        assertThat(bill.amount()).isEqualTo(1_230);

        await().atMost(WAIT).untilAsserted(() -> assertThat(saga.eventsFor(charge.orderId(), PaymentSucceeded.class))
                .hasSize(1));
        assertThat(status(charge.orderId())).isEqualTo("SUCCEEDED");
        assertThat(tradeStatus(charge.orderId())).isEqualTo("TRADE_SUCCESS");
        // The notification was taken once, under Alipay's notify_id.
        assertThat(count(
                        "SELECT count(*) FROM provider_event WHERE provider = 'alipay' AND reference ="
                                + " (SELECT replace(id::text, '-', '') FROM payment WHERE order_id = :order)",
                        charge.orderId()))
                .isEqualTo(1);
    }

    @Test
    void freshQrCodeReplacesTheOneBefore() {
        var charge = charge("alipay_qr", 800);
        saga.send(charge);
        String first = tokenOf(actionFor(charge.orderId()));

        saga.send(new RenewPaymentAction(UUID.randomUUID(), Instant.now(), charge.orderId()));

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(saga.eventsFor(charge.orderId(), PaymentActionRequired.class))
                        .hasSize(2));
        String fresh = tokenOf(
                saga.eventsFor(charge.orderId(), PaymentActionRequired.class).getLast());
        assertThat(fresh).isNotEqualTo(first);
        assertThat(alipay.bill(first).blockOptional()).isEmpty();
        assertThat(alipay.approve(first).blockOptional()).isEmpty();
        assertThat(alipay.bill(fresh).block().status()).isEqualTo("WAITING");
    }

    @Test
    void refundOfAWaitingPaymentClosesTheTradeAndTheCustomerCannotPayItAfterwards() {
        var charge = charge("alipay_qr", 2_000);
        saga.send(charge);
        String token = tokenOf(actionFor(charge.orderId()));

        saga.send(new RefundPayment(UUID.randomUUID(), Instant.now(), charge.orderId(), "payment timed out"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(saga.eventsFor(charge.orderId(), PaymentRefunded.class))
                .singleElement()
                .extracting(PaymentRefunded::amount)
                .isEqualTo(new Money(0, "CNY")));
        assertThat(status(charge.orderId())).isEqualTo("CANCELLED");
        assertThat(tradeStatus(charge.orderId())).isEqualTo("TRADE_CLOSED");

        assertThat(alipay.approve(token).block().status()).isEqualTo("CLOSED");
        assertThat(tradeStatus(charge.orderId())).isEqualTo("TRADE_CLOSED");
        assertThat(saga.eventsFor(charge.orderId(), PaymentSucceeded.class)).isEmpty();
    }

    @Test
    void partialRefundsGoBackThroughAlipayAndNeverAddUpToMoreThanWasPaid() {
        var charge = charge("alipay_qr", 5_000);
        saga.send(charge);
        alipay.approve(tokenOf(actionFor(charge.orderId()))).block();
        await().atMost(WAIT).until(() -> "SUCCEEDED".equals(status(charge.orderId())));

        saga.send(part(charge, "return-1", 1_200));
        await().atMost(WAIT).untilAsserted(() -> assertThat(saga.eventsFor(charge.orderId(), AmountRefunded.class))
                .singleElement()
                .satisfies(refunded -> {
                    assertThat(refunded.amount()).isEqualTo(new Money(1_200, "CNY"));
                    assertThat(refunded.totalRefunded()).isEqualTo(new Money(1_200, "CNY"));
                }));
        assertThat(refundedByAlipay(charge.orderId())).isEqualTo(1_200);

        // The rest, which closes the trade at Alipay as a refund in full does.
        saga.send(part(charge, "return-2", 3_800));
        await().atMost(WAIT).untilAsserted(() -> assertThat(saga.eventsFor(charge.orderId(), AmountRefunded.class))
                .hasSize(2));
        assertThat(refundedByAlipay(charge.orderId())).isEqualTo(5_000);
        assertThat(tradeStatus(charge.orderId())).isEqualTo("TRADE_CLOSED");
        assertThat(saga.eventsFor(charge.orderId(), RefundRefused.class)).isEmpty();
    }

    private static RefundAmount part(ChargePayment charge, String refundId, long amount) {
        return new RefundAmount(
                UUID.randomUUID(), Instant.now(), charge.orderId(), refundId, new Money(amount, "CNY"), "return");
    }

    private PaymentActionRequired actionFor(String orderId) {
        await().atMost(WAIT).until(() -> !saga.eventsFor(orderId, PaymentActionRequired.class)
                .isEmpty());
        return saga.eventsFor(orderId, PaymentActionRequired.class).getFirst();
    }

    private static String tokenOf(PaymentActionRequired action) {
        String path = URI.create(action.value()).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private String tradeStatus(String orderId) {
        return text(
                "SELECT t.status FROM sandbox_alipay_trade t JOIN payment p"
                        + " ON t.out_trade_no = replace(p.id::text, '-', '') WHERE p.order_id = :order",
                orderId);
    }

    private long refundedByAlipay(String orderId) {
        return count(
                "SELECT coalesce(sum(r.refund_amount), 0) FROM sandbox_alipay_refund r JOIN payment p"
                        + " ON r.out_trade_no = replace(p.id::text, '-', '') WHERE p.order_id = :order",
                orderId);
    }
}
