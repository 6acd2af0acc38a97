package bookstore.payment;

import static bookstore.payment.provider.wechatpay.SignedNotifications.body;
import static bookstore.payment.provider.wechatpay.SignedNotifications.transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.events.order.ChargePayment;
import bookstore.events.payment.PaymentActionRequired;
import bookstore.events.payment.PaymentFailed;
import bookstore.events.payment.PaymentRefunded;
import bookstore.events.payment.PaymentSucceeded;
import bookstore.payment.payments.domain.PaymentMethods;
import bookstore.payment.provider.sandbox.SandboxWallet;
import bookstore.payment.provider.sandbox.wechatpay.SandboxWechatPayKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * WeChat Pay's notifications at {@code POST /api/payments/webhooks/wechatpay}, over HTTP into the
 * whole service: a replayed or out-of-order one is taken (204) and changes nothing; a forged,
 * tampered or stale one is refused with WeChat Pay's {@code {"code":"FAIL"}} and changes nothing.
 */
@PaymentServiceIntegrationTest
class WechatPayNotificationIntegrationTests extends PlayingTheSaga {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    SandboxWechatPayKeys keys;

    @Autowired
    List<SandboxWallet> wallets;

    @Value("${local.server.port}")
    int port;

    WebTestClient http;

    @BeforeEach
    void connect() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void aReplayedNotificationIsTakenOnceAndChangesNothing() {
        var charge = paidThroughTheWallet(3_800);
        String eventId = text(
                "SELECT e.event_id FROM provider_event e JOIN payment p ON p.provider_reference = e.reference"
                        + " WHERE e.provider = 'wechatpay' AND p.order_id = :order",
                charge.orderId());
        String replay = body(keys, eventId, transaction(outTradeNo(charge), "SUCCESS", 3_800));

        post(keys, replay, Instant.now()).expectStatus().isNoContent();
        post(keys, replay, Instant.now()).expectStatus().isNoContent();

        assertThat(count("SELECT count(*) FROM provider_event WHERE event_id = :order", eventId))
                .isEqualTo(1);
        await().atMost(WAIT).until(saga::commandsTaken);
        assertThat(saga.eventsFor(charge.orderId(), PaymentSucceeded.class)).hasSize(1);
        assertThat(status(charge.orderId())).isEqualTo("SUCCEEDED");
    }

    @Test
    void anOlderStateArrivingAfterThePaymentChangesNothing() {
        var charge = paidThroughTheWallet(2_600);
        String closed = body(keys, "EV-" + UUID.randomUUID(), transaction(outTradeNo(charge), "CLOSED", 2_600));

        post(keys, closed, Instant.now()).expectStatus().isNoContent();

        assertThat(status(charge.orderId())).isEqualTo("SUCCEEDED");
        assertThat(saga.eventsFor(charge.orderId(), PaymentFailed.class)).isEmpty();
        assertThat(saga.eventsFor(charge.orderId(), PaymentRefunded.class)).isEmpty();
        assertThat(saga.eventsFor(charge.orderId(), PaymentSucceeded.class)).hasSize(1);
    }

    @Test
    void aForgedNotificationIsRefusedAndChangesNothing() {
        var charge = waiting(3_000);
        var forger = SandboxWechatPayKeys.generate();
        String eventId = "EV-" + UUID.randomUUID();
        String forged = body(forger, eventId, transaction(outTradeNo(charge), "SUCCESS", 3_000));

        refused(post(forger, forged, Instant.now()), 400);

        assertNothingChanged(charge, eventId);
    }

    @Test
    void aNotificationWithAnAmountThatIsNotTheOrdersIsRefused() {
        var charge = waiting(3_000);
        String eventId = "EV-" + UUID.randomUUID();
        String cheaper = body(keys, eventId, transaction(outTradeNo(charge), "SUCCESS", 1));

        refused(post(keys, cheaper, Instant.now()), 400);

        assertNothingChanged(charge, eventId);
    }

    @Test
    void aStaleNotificationIsRefusedAndChangesNothing() {
        var charge = waiting(3_000);
        String eventId = "EV-" + UUID.randomUUID();
        String stale = body(keys, eventId, transaction(outTradeNo(charge), "SUCCESS", 3_000));

        refused(post(keys, stale, Instant.now().minus(Duration.ofMinutes(6))), 400);

        assertNothingChanged(charge, eventId);
    }

    @Test
    void aNotificationAboutAPaymentNotOnRecordIsAskedForAgain() {
        String outTradeNo = UUID.randomUUID().toString().replace("-", "");
        String eventId = "EV-" + UUID.randomUUID();

        refused(post(keys, body(keys, eventId, transaction(outTradeNo, "SUCCESS", 100)), Instant.now()), 404);

        assertThat(count("SELECT count(*) FROM provider_event WHERE event_id = :order", eventId))
                .isZero();
    }

    private ChargePayment paidThroughTheWallet(long amount) {
        var charge = waiting(amount);
        var action =
                saga.eventsFor(charge.orderId(), PaymentActionRequired.class).getFirst();
        wallets.stream()
                .filter(wallet -> wallet.name().equals("wechatpay"))
                .findFirst()
                .orElseThrow()
                .approve(action.value().substring(action.value().lastIndexOf('/') + 1))
                .block();
        await().atMost(WAIT).until(() -> !saga.eventsFor(charge.orderId(), PaymentSucceeded.class)
                .isEmpty());
        return charge;
    }

    private ChargePayment waiting(long amount) {
        var charge = charge(PaymentMethods.WECHAT_NATIVE, amount);
        saga.send(charge);
        await().atMost(WAIT).until(() -> !saga.eventsFor(charge.orderId(), PaymentActionRequired.class)
                .isEmpty());
        return charge;
    }

    private void assertNothingChanged(ChargePayment charge, String eventId) {
        assertThat(status(charge.orderId())).isEqualTo("PROCESSING");
        assertThat(count("SELECT count(*) FROM provider_event WHERE event_id = :order", eventId))
                .isZero();
        assertThat(saga.eventsFor(charge.orderId(), PaymentSucceeded.class)).isEmpty();
    }

    private String outTradeNo(ChargePayment charge) {
        return paymentId(charge.orderId()).replace("-", "");
    }

    private WebTestClient.ResponseSpec post(SandboxWechatPayKeys signer, String body, Instant at) {
        return http.post()
                .uri("/api/payments/webhooks/wechatpay")
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> signer.sign(body, at).forEach(headers::add))
                .bodyValue(body)
                .exchange();
    }

    private static void refused(WebTestClient.ResponseSpec response, int status) {
        response.expectStatus()
                .isEqualTo(status)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("FAIL")
                .jsonPath("$.message")
                .isNotEmpty();
    }
}
