package bookstore.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.events.payment.PaymentEvent;
import bookstore.events.payment.PaymentFailed;
import bookstore.events.payment.PaymentSucceeded;
import bookstore.payment.payments.application.Payments;
import bookstore.payment.payments.application.TracedPayment;
import bookstore.payment.payments.domain.CustomerAction;
import bookstore.payment.payments.domain.Money;
import bookstore.payment.payments.domain.Payment;
import bookstore.payment.payments.domain.ProviderAnswer;
import bookstore.payment.provider.TradeNumbers;
import bookstore.payment.provider.alipay.AlipayProvider;
import bookstore.payment.provider.alipay.AlipayTime;
import bookstore.payment.provider.sandbox.alipay.SandboxAlipayKeys;
import com.alipay.api.AlipayApiException;
import com.alipay.api.internal.util.AlipaySignature;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Alipay's notification route as Alipay uses it: real HTTP, a form signed with Alipay's RSA2 key
 * (the sandbox's, which the test signs with as Alipay would), the plain text {@code success} when
 * taken. Each test starts from a payment whose trade waits for the customer, and plays Alipay: it
 * posts notifications twice, late, out of order, forged and tampered with.
 */
@PaymentServiceIntegrationTest
class AlipayNotificationIntegrationTests extends PlayingTheSaga {

    @LocalServerPort
    int port;

    @Autowired
    Payments payments;

    @Autowired
    SandboxAlipayKeys keys;

    WebTestClient http;
    Payment waiting;

    @BeforeEach
    void tradeWaitingForTheCustomer() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        waiting = waitingPayment();
    }

    @Test
    void notificationOfThePaymentConfirmsItAndItsRedeliveryChangesNothing() {
        var success = signed(notification("TRADE_SUCCESS", waiting));

        taken(success);
        taken(success);

        assertThat(status(waiting.orderId())).isEqualTo("SUCCEEDED");
        assertThat(announced(PaymentSucceeded.class)).isEqualTo(1);
        assertThat(database.sql("SELECT count(*) FROM provider_event WHERE provider = 'alipay' AND reference = :trade")
                        .bind("trade", TradeNumbers.of(waiting.id()))
                        .map(row -> row.get(0, Long.class))
                        .one()
                        .block())
                .isEqualTo(1);
    }

    @Test
    void forgedNotificationIsRefusedAndChangesNothing() {
        var forged = notification("TRADE_SUCCESS", waiting);
        forged.put("sign", signature(forged, SandboxAlipayKeys.generate().alipayPrivateKey()));

        refused(forged, HttpStatus.BAD_REQUEST);
        refused(unsigned(notification("TRADE_SUCCESS", waiting)), HttpStatus.BAD_REQUEST);

        assertThat(status(waiting.orderId())).isEqualTo("PROCESSING");
        assertThat(taken(forged.get("notify_id"))).isFalse();
    }

    @Test
    void notificationTamperedWithAfterSigningIsRefused() {
        var tampered = signed(notification("TRADE_SUCCESS", waiting));
        tampered.put("total_amount", "0.01");

        refused(tampered, HttpStatus.BAD_REQUEST);

        assertThat(status(waiting.orderId())).isEqualTo("PROCESSING");
        assertThat(taken(tampered.get("notify_id"))).isFalse();
    }

    @Test
    void notificationForAnotherAppIsRefused() {
        var otherApp = notification("TRADE_SUCCESS", waiting);
        otherApp.put("app_id", "2021000000000001");

        refused(signed(otherApp), HttpStatus.BAD_REQUEST);

        assertThat(status(waiting.orderId())).isEqualTo("PROCESSING");
    }

    @Test
    void notificationOfAnotherAmountThanThePaymentsIsRefused() {
        var otherAmount = notification("TRADE_SUCCESS", waiting);
        otherAmount.put("total_amount", "0.01");

        refused(signed(otherAmount), HttpStatus.UNPROCESSABLE_CONTENT);

        assertThat(status(waiting.orderId())).isEqualTo("PROCESSING");
        assertThat(taken(otherAmount.get("notify_id"))).isFalse();
    }

    @Test
    void staleWaitingNotificationAfterThePaymentChangesNothing() {
        var waitBuyerPay = signed(notification("WAIT_BUYER_PAY", waiting));
        var success = signed(notification("TRADE_SUCCESS", waiting));

        taken(success);
        taken(waitBuyerPay);

        assertThat(status(waiting.orderId())).isEqualTo("SUCCEEDED");
        assertThat(announced(PaymentSucceeded.class)).isEqualTo(1);
    }

    @Test
    void notificationsOutOfOrderEndWithThePaymentTakenOnce() {
        // Paid, later finished (no more refunds), then the trade closed by a refund in full; they
        // arrive the other way round.
        var success = signed(notification("TRADE_SUCCESS", waiting));
        var finished = signed(notification("TRADE_FINISHED", waiting));
        var refundedInFull = notification("TRADE_CLOSED", waiting);
        refundedInFull.put("gmt_refund", AlipayTime.format(Instant.now()));
        refundedInFull.put("refund_fee", "20.00");

        taken(signed(refundedInFull));
        assertThat(status(waiting.orderId())).isEqualTo("PROCESSING");
        taken(finished);
        taken(success);

        assertThat(status(waiting.orderId())).isEqualTo("SUCCEEDED");
        assertThat(announced(PaymentSucceeded.class)).isEqualTo(1);
        assertThat(announced(PaymentFailed.class)).isZero();
    }

    @Test
    void closedTradeAfterThePaymentDoesNotUndoIt() {
        taken(signed(notification("TRADE_SUCCESS", waiting)));
        taken(signed(notification("TRADE_CLOSED", waiting)));

        assertThat(status(waiting.orderId())).isEqualTo("SUCCEEDED");
        assertThat(announced(PaymentFailed.class)).isZero();
    }

    @Test
    void notificationAboutAPaymentNotOnRecordIsRefusedSoAlipayDeliversItAgain() {
        var unknown = notification("TRADE_SUCCESS", waiting);
        unknown.put("out_trade_no", TradeNumbers.of(UUID.randomUUID()));

        refused(signed(unknown), HttpStatus.NOT_FOUND);

        assertThat(taken(unknown.get("notify_id"))).isFalse();
    }

    /** A trade Alipay made for the payment, which waits for the customer to scan its QR code. */
    private Payment waitingPayment() {
        var now = Instant.now();
        var payment = Payment.request(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "order-" + UUID.randomUUID(),
                "customer-1",
                new Money(2_000, "CNY"),
                "alipay_qr",
                AlipayProvider.NAME,
                now.plus(Duration.ofMinutes(15)),
                now);
        payment.startProviderCall(now, Duration.ofSeconds(30));
        payment.record(
                new ProviderAnswer.ActionRequired(
                        TradeNumbers.of(payment.id()),
                        new CustomerAction(
                                CustomerAction.Kind.QR_CODE, "https://qr.alipay.com/bax00000", payment.payBy())),
                now,
                Duration.ofHours(1));
        assertThat(payments.insertNew(List.of(new TracedPayment(payment, null))).block())
                .containsExactly(payment.orderId());
        return payment;
    }

    /** A notification as Alipay sends it for the payment's trade, unsigned. */
    private Map<String, String> notification(String tradeStatus, Payment payment) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("notify_time", AlipayTime.format(Instant.now()));
        params.put("notify_type", "trade_status_sync");
        params.put("notify_id", UUID.randomUUID().toString().replace("-", ""));
        params.put("charset", "UTF-8");
        params.put("version", "1.0");
        params.put("sign_type", "RSA2");
        params.put("app_id", keys.appId());
        params.put("trade_no", "2013112011001004330000121536");
        params.put("out_trade_no", TradeNumbers.of(payment.id()));
        params.put("trade_status", tradeStatus);
        params.put("total_amount", "20.00");
        params.put("subject", "Bookstore order " + payment.orderId());
        params.put("gmt_create", AlipayTime.format(payment.createdAt()));
        return params;
    }

    private Map<String, String> signed(Map<String, String> params) {
        Map<String, String> signed = new LinkedHashMap<>(params);
        signed.put("sign", signature(params, keys.alipayPrivateKey()));
        return signed;
    }

    private static Map<String, String> unsigned(Map<String, String> params) {
        Map<String, String> unsigned = new LinkedHashMap<>(params);
        unsigned.remove("sign");
        return unsigned;
    }

    private static String signature(Map<String, String> params, String privateKey) {
        try {
            return AlipaySignature.rsa256Sign(AlipaySignature.getSignCheckContentV1(params), privateKey, "UTF-8");
        } catch (AlipayApiException e) {
            throw new IllegalStateException(e);
        }
    }

    private WebTestClient.ResponseSpec post(Map<String, String> params) {
        var form = new LinkedMultiValueMap<String, String>();
        params.forEach(form::add);
        return http.post()
                .uri("/api/payments/webhooks/alipay")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form))
                .exchange();
    }

    private void taken(Map<String, String> params) {
        post(params).expectStatus().isOk().expectBody(String.class).isEqualTo("success");
    }

    private void refused(Map<String, String> params, HttpStatus status) {
        post(params).expectStatus().isEqualTo(status).expectBody(String.class).isEqualTo("failure");
    }

    private boolean taken(String notifyId) {
        return database.sql("SELECT EXISTS (SELECT 1 FROM provider_event WHERE event_id = :id)")
                .bind("id", notifyId)
                .map(row -> row.get(0, Boolean.class))
                .one()
                .block();
    }

    /** The events of a type published for the payment's order, once the outbox has sent them all. */
    private long announced(Class<? extends PaymentEvent> type) {
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        count("SELECT count(*) FROM outbox_event WHERE record_key = :order", waiting.orderId()) == 0);
        return saga.eventsFor(waiting.orderId(), type).size();
    }
}
