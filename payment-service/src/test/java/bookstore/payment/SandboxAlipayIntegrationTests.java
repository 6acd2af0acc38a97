package bookstore.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.payment.payments.application.PaymentProvider;
import bookstore.payment.payments.application.PaymentProviders;
import bookstore.payment.payments.domain.Money;
import bookstore.payment.payments.domain.ProviderAnswer;
import bookstore.payment.payments.domain.ProviderCall;
import bookstore.payment.provider.TradeNumbers;
import bookstore.payment.provider.alipay.AlipayProvider;
import bookstore.payment.provider.sandbox.SandboxPayLinks;
import bookstore.payment.provider.sandbox.SandboxWallet;
import bookstore.payment.provider.sandbox.alipay.SandboxAlipayKeys;
import com.alipay.api.AlipayConfig;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.request.AlipayTradeQueryRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The sandbox's Alipay as the adapter and a browser meet it: its gateway over real HTTP, with
 * Alipay's rules for expiry, signatures, page payments and refunds.
 */
@PaymentServiceIntegrationTest
class SandboxAlipayIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    PaymentProviders providers;

    @Autowired
    List<SandboxWallet> wallets;

    @Autowired
    SandboxAlipayKeys keys;

    @Autowired
    DatabaseClient database;

    PaymentProvider alipay;
    SandboxWallet app;

    @BeforeEach
    void theSandboxAlipay() {
        alipay = providers.named(AlipayProvider.NAME);
        app = wallets.stream()
                .filter(wallet -> wallet.name().equals("alipay"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void tradePastItsTimeIsClosedAndCannotBePaid() {
        UUID payment = UUID.randomUUID();
        var action = (ProviderAnswer.ActionRequired)
                alipay.charge(charge(payment, "alipay_qr", 2_000, Instant.now().plusSeconds(2)))
                        .block();
        String token = tokenOf(action.action().value());
        assertThat(app.bill(token).block().status()).isEqualTo("WAITING");
        // Closing the Alipay app without paying leaves the trade waiting.
        assertThat(app.decline(token).block().status()).isEqualTo("WAITING");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> alipay.checkStatus(new ProviderCall.CheckStatus(payment, action.reference()))
                        .block()
                        .equals(new ProviderAnswer.Canceled(action.reference())));

        assertThat(app.approve(token).block().status()).isEqualTo("EXPIRED");
        assertThat(alipay.charge(charge(payment, "alipay_qr", 2_000, null)).block())
                .isEqualTo(new ProviderAnswer.Canceled(action.reference()));
    }

    @Test
    void pagePaymentLinkLeadsTheBrowserToTheScanToPayPageOnceAndOnlyAsSigned() {
        UUID payment = UUID.randomUUID();
        var action = (ProviderAnswer.ActionRequired) alipay.charge(
                        charge(payment, "alipay_page", 3_300, Instant.now().plusSeconds(600)))
                .block();
        URI link = URI.create(action.action().value());
        assertThat(link.getPath()).isEqualTo("/api/payments/sandbox/alipay/gateway.do");
        var browser =
                WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();

        String page = browser.get()
                .uri(URI.create("http://localhost:" + port + link.getPath() + "?" + link.getRawQuery()))
                .exchange()
                .expectStatus()
                .isFound()
                .returnResult(Void.class)
                .getResponseHeaders()
                .getLocation()
                .toString();
        assertThat(page).contains(SandboxPayLinks.PATH + "alipay-");
        assertThat(app.bill(tokenOf(page)).block()).satisfies(bill -> {
            assertThat(bill.amount()).isEqualTo(3_300);
            assertThat(bill.status()).isEqualTo("WAITING");
        });

        String tampered = link.getRawQuery().replace("33.00", "0.01");
        assertThat(tampered).isNotEqualTo(link.getRawQuery());
        browser.get()
                .uri(URI.create("http://localhost:" + port + link.getPath() + "?" + tampered))
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void requestNotSignedByTheAppIsRefused() throws Exception {
        var config = new AlipayConfig();
        config.setServerUrl("http://localhost:" + port + "/api/payments/sandbox/alipay/gateway.do");
        config.setAppId(keys.appId());
        config.setPrivateKey(SandboxAlipayKeys.generate().appPrivateKey());
        config.setFormat("json");
        config.setCharset("UTF-8");
        config.setAlipayPublicKey(keys.alipayPublicKey());
        config.setSignType("RSA2");
        var request = new AlipayTradeQueryRequest();
        request.setBizContent("{\"out_trade_no\":\"" + TradeNumbers.of(UUID.randomUUID()) + "\"}");

        var response = new DefaultAlipayClient(config).execute(request);

        assertThat(response.getCode()).isEqualTo("40002");
        assertThat(response.getSubCode()).isEqualTo("isv.invalid-signature");
    }

    @Test
    void refundsNeverAddUpToMoreThanWasPaidAndARequestNumberIsRefundedOnce() {
        UUID payment = UUID.randomUUID();
        var action = (ProviderAnswer.ActionRequired)
                alipay.charge(charge(payment, "alipay_qr", 2_000, Instant.now().plusSeconds(600)))
                        .block();
        assertThat(app.approve(tokenOf(action.action().value())).block().status())
                .isEqualTo("PAID");
        String trade = action.reference();
        var part = new ProviderCall.Refund(payment, trade, new Money(1_500, "CNY"), "key-part-1", "part-1");

        assertThat(alipay.refund(part).block())
                .isEqualTo(new ProviderAnswer.Refunded(trade, new Money(1_500, "CNY"), "part-1"));
        assertThat(alipay.refund(part).block())
                .isEqualTo(new ProviderAnswer.Refunded(trade, new Money(1_500, "CNY"), "part-1"));
        assertThat(alipay.refund(new ProviderCall.Refund(payment, trade, new Money(501, "CNY"), "key-part-2", "part-2"))
                        .block())
                .isEqualTo(new ProviderAnswer.RefundRefused(trade, "part-2", "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL"));
        assertThat(refunded(trade)).isEqualTo(1_500);
        assertThat(alipay.checkStatus(new ProviderCall.CheckStatus(payment, trade))
                        .block())
                .isEqualTo(new ProviderAnswer.Succeeded(trade));
    }

    private static ProviderCall.Charge charge(UUID payment, String method, long amount, Instant payBy) {
        return new ProviderCall.Charge(
                payment,
                "order-" + UUID.randomUUID(),
                new Money(amount, "CNY"),
                method,
                "payment-" + payment + "-charge",
                payBy);
    }

    private static String tokenOf(String link) {
        String path = URI.create(link).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private long refunded(String trade) {
        return database.sql(
                        "SELECT coalesce(sum(refund_amount), 0) FROM sandbox_alipay_refund WHERE out_trade_no = :trade")
                .bind("trade", trade)
                .map(row -> row.get(0, Number.class).longValue())
                .one()
                .block();
    }
}
