package bookstore.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.payment.payments.domain.Money;
import bookstore.payment.payments.domain.PaymentMethods;
import bookstore.payment.payments.domain.ProviderAnswer;
import bookstore.payment.payments.domain.ProviderCall;
import bookstore.payment.provider.TradeNumbers;
import bookstore.payment.provider.sandbox.SandboxWallet;
import bookstore.payment.provider.wechatpay.WechatPayProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/**
 * The sandbox's WeChat Pay as the real adapter and the payer meet it: its emulated API v3 (signed
 * both ways), its QR codes and their tokens, expiry, and its books, which never give back more than
 * was paid.
 */
@PaymentServiceIntegrationTest
class SandboxWechatPayIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    WechatPayProvider wechatPay;

    @Autowired
    List<SandboxWallet> wallets;

    @Value("${local.server.port}")
    int port;

    @Test
    void aFreshQrCodeReplacesTheOldOne() {
        var charge = charge(2_000, Instant.now().plus(Duration.ofMinutes(15)));
        String first = token(wechatPay.charge(charge).block());
        String fresh = token(wechatPay.charge(charge).block());

        assertThat(fresh).isNotEqualTo(first).startsWith("wechatpay-");
        StepVerifier.create(wallet().bill(first)).verifyComplete();
        StepVerifier.create(wallet().approve(first)).verifyComplete();
        StepVerifier.create(wallet().approve(fresh))
                .assertNext(bill -> assertThat(bill.status()).isEqualTo("PAID"))
                .verifyComplete();
        StepVerifier.create(wechatPay.charge(charge))
                .expectNext(new ProviderAnswer.Succeeded(TradeNumbers.of(charge.paymentId())))
                .verifyComplete();
    }

    @Test
    void anOrderPastItsTimeExpireCannotBePaid() {
        var charge = charge(2_000, Instant.now().plusSeconds(2));
        String token = token(wechatPay.charge(charge).block());

        await().atMost(WAIT)
                .until(() -> "EXPIRED".equals(wallet().bill(token).block().status()));

        StepVerifier.create(wallet().approve(token))
                .assertNext(bill -> assertThat(bill.status()).isEqualTo("EXPIRED"))
                .verifyComplete();
        StepVerifier.create(wechatPay.checkStatus(new ProviderCall.CheckStatus(charge.paymentId(), reference(charge))))
                .expectNext(new ProviderAnswer.Processing(reference(charge)))
                .verifyComplete();
    }

    @Test
    void aDeclineLeavesTheOrderWaiting() {
        var charge = charge(2_000, Instant.now().plus(Duration.ofMinutes(15)));
        String token = token(wechatPay.charge(charge).block());

        StepVerifier.create(wallet().decline(token))
                .assertNext(bill -> assertThat(bill.status()).isEqualTo("DECLINED"))
                .verifyComplete();
        StepVerifier.create(wallet().bill(token))
                .assertNext(bill -> assertThat(bill.status()).isEqualTo("WAITING"))
                .verifyComplete();
    }

    @Test
    void refundsNeverAddUpToMoreThanWasPaidAndTheSameKeyRefundsOnce() {
        var charge = charge(3_000, Instant.now().plus(Duration.ofMinutes(15)));
        wallet().approve(token(wechatPay.charge(charge).block())).block();
        String reference = reference(charge);

        StepVerifier.create(wechatPay.refund(refund(charge, 2_000, "a")))
                .expectNext(new ProviderAnswer.Refunded(reference, cny(2_000), "a"))
                .verifyComplete();
        StepVerifier.create(wechatPay.refund(refund(charge, 2_000, "a")))
                .expectNext(new ProviderAnswer.Refunded(reference, cny(2_000), "a"))
                .verifyComplete();
        StepVerifier.create(wechatPay.refund(refund(charge, 1_500, "b")))
                .expectNext(new ProviderAnswer.RefundRefused(reference, "b", "INVALID_REQUEST"))
                .verifyComplete();
        StepVerifier.create(wechatPay.checkStatus(new ProviderCall.CheckStatus(charge.paymentId(), reference)))
                .expectNext(new ProviderAnswer.Succeeded(reference))
                .verifyComplete();
    }

    @Test
    void theEmulatedApiRefusesARequestTheMerchantDidNotSign() {
        WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build()
                .post()
                .uri("/api/payments/sandbox/wechatpay/v3/pay/transactions/native")
                .contentType(MediaType.APPLICATION_JSON)
                .header(
                        "Authorization",
                        "WECHATPAY2-SHA256-RSA2048 mchid=\"1230000109\",nonce_str=\"n\",signature=\"c2ln\","
                                + "timestamp=\"" + Instant.now().getEpochSecond() + "\",serial_no=\"0\"")
                .bodyValue("{\"mchid\":\"1230000109\"}")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .exists("Wechatpay-Signature")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("SIGN_ERROR");
    }

    private SandboxWallet wallet() {
        return wallets.stream()
                .filter(wallet -> wallet.name().equals("wechatpay"))
                .findFirst()
                .orElseThrow();
    }

    private static ProviderCall.Charge charge(long amount, Instant payBy) {
        UUID payment = UUID.randomUUID();
        return new ProviderCall.Charge(
                payment,
                "order-" + UUID.randomUUID(),
                cny(amount),
                PaymentMethods.WECHAT_NATIVE,
                "payment-" + payment + "-charge",
                payBy);
    }

    private static ProviderCall.Refund refund(ProviderCall.Charge charge, long amount, String refundId) {
        return new ProviderCall.Refund(
                charge.paymentId(),
                reference(charge),
                cny(amount),
                "payment-" + charge.paymentId() + "-refund-" + refundId,
                refundId);
    }

    private static String reference(ProviderCall.Charge charge) {
        return TradeNumbers.of(charge.paymentId());
    }

    private static String token(ProviderAnswer answer) {
        String url = ((ProviderAnswer.ActionRequired) answer).action().value();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static Money cny(long fen) {
        return new Money(fen, "CNY");
    }
}
