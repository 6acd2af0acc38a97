package bookstore.payment.provider.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import bookstore.payment.payments.domain.CustomerAction;
import bookstore.payment.payments.domain.Money;
import bookstore.payment.payments.domain.ProviderAnswer;
import bookstore.payment.payments.domain.ProviderCall;
import bookstore.payment.provider.TradeNumbers;
import bookstore.payment.provider.sandbox.alipay.SandboxAlipayKeys;
import com.alipay.api.AlipayApiException;
import com.alipay.api.internal.util.AlipaySignature;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Alipay adapter against Alipay's documented answers (the samples of the trade APIs' pages),
 * served by a local stand-in for {@code openapi.alipay.com/gateway.do} that signs them with an
 * "Alipay" key made in the test, as Alipay signs its answers. The stand-in also records what the
 * SDK sent, so the tests check the requests (method, {@code biz_content}, the app's RSA2 signature)
 * as well as how each answer is taken.
 */
class AlipayProviderTests {

    static final UUID PAYMENT = UUID.fromString("6f1c2b8e-3d4a-4b7e-9a51-2c7d8e9f0a1b");
    static final String TRADE = "6f1c2b8e3d4a4b7e9a512c7d8e9f0a1b";
    static final Money PRICE = new Money(1_230, "CNY");
    static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
    static final String NOTIFY_URL = "https://shop.example/api/payments/webhooks/alipay";

    static final SandboxAlipayKeys KEYS = SandboxAlipayKeys.generate();
    static final SandboxAlipayKeys OTHER_KEYS = SandboxAlipayKeys.generate();

    final JsonMapper json = JsonMapper.builder().build();
    RecordedAlipay alipay;
    AlipayProvider provider;

    @BeforeEach
    void startRecordedAlipay() throws IOException {
        alipay = new RecordedAlipay(KEYS.alipayPrivateKey());
        provider = provider(KEYS.alipayPublicKey());
    }

    @AfterEach
    void stopRecordedAlipay() {
        alipay.stop();
    }

    private AlipayProvider provider(String alipayPublicKey) {
        var account = new AlipayAccount(
                KEYS.appId(),
                KEYS.appPrivateKey(),
                alipayPublicKey,
                alipay::gateway,
                () -> "https://gateway.example/gateway.do",
                () -> NOTIFY_URL,
                "https://shop.example/orders",
                "Bookstore order ",
                Duration.ofSeconds(5));
        return new AlipayProvider(account, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void qrChargePrecreatesTheTradeForThePaymentAndAnswersItsQrCode() {
        alipay.answer("precreate_success.json");
        Instant payBy = NOW.plus(Duration.ofMinutes(10)).plusMillis(400);

        StepVerifier.create(provider.charge(charge("alipay_qr", payBy)))
                .expectNext(new ProviderAnswer.ActionRequired(
                        TRADE,
                        new CustomerAction(
                                CustomerAction.Kind.QR_CODE,
                                "https://qr.alipay.com/bavh4wjlxf12tper3a",
                                Instant.parse("2026-12-07T02:10:00Z"))))
                .verifyComplete();

        var request = alipay.requests().getFirst();
        assertThat(request.params())
                .containsEntry("method", "alipay.trade.precreate")
                .containsEntry("app_id", KEYS.appId())
                .containsEntry("sign_type", "RSA2")
                .containsEntry("charset", "UTF-8")
                .containsEntry("notify_url", NOTIFY_URL);
        assertThat(signedByApp(request.params())).isTrue();
        JsonNode biz = biz(request);
        assertThat(biz.path("out_trade_no").stringValue()).isEqualTo(TRADE);
        assertThat(biz.path("total_amount").stringValue()).isEqualTo("12.30");
        assertThat(biz.path("subject").stringValue()).isEqualTo("Bookstore order order-4711");
        // 02:10 UTC is 10:10 in China, where Alipay reads its times.
        assertThat(biz.path("time_expire").stringValue()).isEqualTo("2026-12-07 10:10:00");
    }

    @Test
    void tradeWithoutADeadlineWaitsFifteenMinutes() {
        alipay.answer("precreate_success.json");

        StepVerifier.create(provider.charge(charge("alipay_qr", null)))
                .assertNext(answer -> assertThat(((ProviderAnswer.ActionRequired) answer)
                                .action()
                                .expiresAt())
                        .isEqualTo(NOW.plus(Duration.ofMinutes(15))))
                .verifyComplete();
        assertThat(biz(alipay.requests().getFirst()).path("time_expire").stringValue())
                .isEqualTo("2026-12-07 10:15:00");
    }

    @Test
    void chargeOfATradeAlreadyPaidOrClosedAnswersWhatBecameOfIt() {
        alipay.answer("precreate_trade_has_success.json")
                .answer("precreate_trade_has_close.json")
                .answer("precreate_total_fee_exceed.json");

        StepVerifier.create(provider.charge(charge("alipay_qr", null)))
                .expectNext(new ProviderAnswer.Succeeded(TRADE))
                .verifyComplete();
        StepVerifier.create(provider.charge(charge("alipay_qr", null)))
                .expectNext(new ProviderAnswer.Canceled(TRADE))
                .verifyComplete();
        StepVerifier.create(provider.charge(charge("alipay_qr", null)))
                .expectNext(new ProviderAnswer.Declined(TRADE, "ACQ.TOTAL_FEE_EXCEED"))
                .verifyComplete();
    }

    @Test
    void alipaysOwnFailuresAreErrorsSoTheCallIsMadeAgainLater() {
        alipay.answer("system_error.json").answer("service_unavailable.json");

        StepVerifier.create(provider.charge(charge("alipay_qr", null)))
                .expectError(IllegalStateException.class)
                .verify();
        StepVerifier.create(provider.checkStatus(new ProviderCall.CheckStatus(PAYMENT, TRADE)))
                .expectError(IllegalStateException.class)
                .verify();
    }

    @Test
    void answerNotSignedByAlipayIsNotBelieved() throws IOException {
        alipay.stop();
        alipay = new RecordedAlipay(OTHER_KEYS.alipayPrivateKey()).answer("query_trade_success.json");
        var fooled = provider(KEYS.alipayPublicKey());

        StepVerifier.create(fooled.checkStatus(new ProviderCall.CheckStatus(PAYMENT, TRADE)))
                .expectError(AlipayApiException.class)
                .verify();
    }

    @Test
    void pageChargeAnswersASignedLinkToAlipaysCashierWithoutCallingAlipay() {
        Instant payBy = NOW.plus(Duration.ofMinutes(5));

        StepVerifier.create(provider.charge(charge("alipay_page", payBy)))
                .assertNext(answer -> {
                    var required = (ProviderAnswer.ActionRequired) answer;
                    assertThat(required.reference()).isEqualTo(TRADE);
                    assertThat(required.action().kind()).isEqualTo(CustomerAction.Kind.REDIRECT);
                    assertThat(required.action().expiresAt()).isEqualTo(payBy);
                    URI link = URI.create(required.action().value());
                    assertThat(link.getHost()).isEqualTo("gateway.example");
                    Map<String, String> params = RecordedAlipay.form(link.getRawQuery());
                    assertThat(params)
                            .containsEntry("method", "alipay.trade.page.pay")
                            .containsEntry("app_id", KEYS.appId())
                            .containsEntry("notify_url", NOTIFY_URL)
                            .containsEntry("return_url", "https://shop.example/orders");
                    assertThat(signedByApp(params)).isTrue();
                    JsonNode biz = json.readTree(params.get("biz_content"));
                    assertThat(biz.path("product_code").stringValue()).isEqualTo("FAST_INSTANT_TRADE_PAY");
                    assertThat(biz.path("out_trade_no").stringValue()).isEqualTo(TRADE);
                    assertThat(biz.path("total_amount").stringValue()).isEqualTo("12.30");
                    assertThat(biz.path("time_expire").stringValue()).isEqualTo("2026-12-07 10:05:00");
                })
                .verifyComplete();
        assertThat(alipay.requests()).isEmpty();
    }

    @Test
    void statusCheckQueriesTheTradeAndMapsItsStatus() {
        alipay.answer("query_trade_success.json")
                .answer("query_trade_finished.json")
                .answer("query_wait_buyer_pay.json")
                .answer("query_trade_closed.json")
                .answer("trade_not_exist.json");
        var check = new ProviderCall.CheckStatus(PAYMENT, TRADE);

        StepVerifier.create(provider.checkStatus(check))
                .expectNext(new ProviderAnswer.Succeeded(TRADE))
                .verifyComplete();
        StepVerifier.create(provider.checkStatus(check))
                .expectNext(new ProviderAnswer.Succeeded(TRADE))
                .verifyComplete();
        StepVerifier.create(provider.checkStatus(check))
                .expectNext(new ProviderAnswer.Processing(TRADE))
                .verifyComplete();
        StepVerifier.create(provider.checkStatus(check))
                .expectNext(new ProviderAnswer.Canceled(TRADE))
                .verifyComplete();
        // Nobody has scanned yet: Alipay does not know the trade, which still waits.
        StepVerifier.create(provider.checkStatus(check))
                .expectNext(new ProviderAnswer.Processing(TRADE))
                .verifyComplete();

        var query = alipay.requests().getFirst();
        assertThat(query.params()).containsEntry("method", "alipay.trade.query");
        assertThat(signedByApp(query.params())).isTrue();
        assertThat(biz(query).path("out_trade_no").stringValue()).isEqualTo(TRADE);
    }

    @Test
    void cancelClosesTheTrade() {
        alipay.answer("close_success.json").answer("trade_not_exist.json");
        var cancel = new ProviderCall.Cancel(PAYMENT, TRADE);

        StepVerifier.create(provider.cancel(cancel))
                .expectNext(new ProviderAnswer.Canceled(TRADE))
                .verifyComplete();
        // A trade nobody scanned does not exist at Alipay: nothing to close, nothing paid.
        StepVerifier.create(provider.cancel(cancel))
                .expectNext(new ProviderAnswer.Canceled(TRADE))
                .verifyComplete();

        var close = alipay.requests().getFirst();
        assertThat(close.params()).containsEntry("method", "alipay.trade.close");
        assertThat(biz(close).path("out_trade_no").stringValue()).isEqualTo(TRADE);
    }

    @Test
    void cancelOfATradePaidMeanwhileAnswersThatItSucceeded() {
        alipay.answer("close_trade_status_error.json").answer("query_trade_success.json");

        StepVerifier.create(provider.cancel(new ProviderCall.Cancel(PAYMENT, TRADE)))
                .expectNext(new ProviderAnswer.Succeeded(TRADE))
                .verifyComplete();
        assertThat(alipay.requests().get(1).params()).containsEntry("method", "alipay.trade.query");
    }

    @Test
    void refundGivesBackAmountInYuanUnderTheRefundsRequestNumber() {
        alipay.answer("refund_success.json");

        StepVerifier.create(provider.refund(new ProviderCall.Refund(PAYMENT, TRADE, PRICE, "payment-key-refund")))
                .expectNext(new ProviderAnswer.Refunded(TRADE, PRICE))
                .verifyComplete();

        var refund = alipay.requests().getFirst();
        assertThat(refund.params()).containsEntry("method", "alipay.trade.refund");
        assertThat(signedByApp(refund.params())).isTrue();
        JsonNode biz = biz(refund);
        assertThat(biz.path("out_trade_no").stringValue()).isEqualTo(TRADE);
        assertThat(biz.path("refund_amount").stringValue()).isEqualTo("12.30");
        assertThat(biz.path("out_request_no").stringValue()).isEqualTo("payment-key-refund");
    }

    @Test
    void partialRefundIsOneRequestNumberAndAlipaysRefusalIsAnAnswer() {
        alipay.answer("refund_success.json")
                .answer("refund_trade_has_finished.json")
                .answer("refund_amt_not_equal_total.json");
        var part = new Money(5, "CNY");

        StepVerifier.create(provider.refund(new ProviderCall.Refund(PAYMENT, TRADE, part, "key-return-7", "return-7")))
                .expectNext(new ProviderAnswer.Refunded(TRADE, part, "return-7"))
                .verifyComplete();
        StepVerifier.create(provider.refund(new ProviderCall.Refund(PAYMENT, TRADE, part, "key-return-8", "return-8")))
                .expectNext(new ProviderAnswer.RefundRefused(TRADE, "return-8", "ACQ.TRADE_HAS_FINISHED"))
                .verifyComplete();
        StepVerifier.create(provider.refund(new ProviderCall.Refund(PAYMENT, TRADE, part, "key-return-9", "return-9")))
                .expectNext(new ProviderAnswer.RefundRefused(TRADE, "return-9", "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL"))
                .verifyComplete();

        JsonNode first = biz(alipay.requests().getFirst());
        assertThat(first.path("refund_amount").stringValue()).isEqualTo("0.05");
        assertThat(first.path("out_request_no").stringValue()).isEqualTo("key-return-7");
    }

    @Test
    void refundOfAllThatIsLeftRefusedIsAnErrorSoItIsTriedAgain() {
        alipay.answer("refund_trade_has_finished.json");

        StepVerifier.create(provider.refund(new ProviderCall.Refund(PAYMENT, TRADE, PRICE, "payment-key-refund")))
                .expectError(IllegalStateException.class)
                .verify();
    }

    @Test
    void takesAlipaysMethodsOnly() {
        assertThat(provider.takes("alipay_qr")).isTrue();
        assertThat(provider.takes("alipay_page")).isTrue();
        assertThat(provider.takes("wechat_native")).isFalse();
        assertThat(provider.takes("pm_card_visa")).isFalse();
    }

    @Test
    void outTradeNoIsThePaymentIdAndLeadsBackToIt() {
        assertThat(TradeNumbers.of(PAYMENT)).isEqualTo(TRADE);
        assertThat(TradeNumbers.paymentIdOf(TRADE)).isEqualTo(PAYMENT);
        assertThat(TradeNumbers.paymentIdOf("6823789339978248")).isNull();
        assertThat(TradeNumbers.paymentIdOf(null)).isNull();
    }

    private static ProviderCall.Charge charge(String method, Instant payBy) {
        return new ProviderCall.Charge(PAYMENT, "order-4711", PRICE, method, "payment-key", payBy);
    }

    private static boolean signedByApp(Map<String, String> params) {
        try {
            return AlipaySignature.rsaCheckV2(new HashMap<>(params), KEYS.appPublicKey(), "UTF-8", "RSA2");
        } catch (AlipayApiException e) {
            return false;
        }
    }

    private JsonNode biz(Request request) {
        return json.readTree(request.params().get("biz_content"));
    }

    /**
     * A local stand-in for Alipay's gateway: answers with documented response objects, in order,
     * signed as Alipay signs them ({@code {"<method>_response":{…},"sign":"…"}}).
     */
    static final class RecordedAlipay {

        private final HttpServer server;
        private final String alipayPrivateKey;
        private final Deque<String> answers = new ArrayDeque<>();
        private final List<Request> requests = new CopyOnWriteArrayList<>();

        RecordedAlipay(String alipayPrivateKey) throws IOException {
            this.alipayPrivateKey = alipayPrivateKey;
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/gateway.do", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Map<String, String> params =
                        new HashMap<>(form(exchange.getRequestURI().getRawQuery()));
                params.putAll(form(body));
                requests.add(new Request(exchange.getRequestMethod(), params));
                String recording = answers.poll();
                byte[] response = signed(params.get("method"), recording == null ? "system_error.json" : recording)
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/html;charset=utf-8");
                exchange.sendResponseHeaders(200, response.length);
                exchange.getResponseBody().write(response);
                exchange.close();
            });
            server.start();
        }

        RecordedAlipay answer(String recording) {
            answers.add(recording);
            return this;
        }

        String gateway() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/gateway.do";
        }

        List<Request> requests() {
            return requests;
        }

        void stop() {
            server.stop(0);
        }

        private String signed(String method, String recording) {
            String content = recording(recording);
            try {
                String sign = AlipaySignature.rsa256Sign(content, alipayPrivateKey, "UTF-8");
                return "{\"" + method.replace('.', '_') + "_response\":" + content + ",\"sign\":\"" + sign + "\"}";
            } catch (AlipayApiException e) {
                throw new IllegalStateException(e);
            }
        }

        static Map<String, String> form(String encoded) {
            if (encoded == null || encoded.isEmpty()) {
                return Map.of();
            }
            return Arrays.stream(encoded.split("&"))
                    .map(pair -> pair.split("=", 2))
                    .collect(Collectors.toMap(
                            pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                            pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
        }

        private static String recording(String name) {
            try (InputStream in = AlipayProviderTests.class.getResourceAsStream("/alipay/" + name)) {
                if (in == null) {
                    throw new IllegalArgumentException("no recording " + name);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    record Request(String method, Map<String, String> params) {}
}
