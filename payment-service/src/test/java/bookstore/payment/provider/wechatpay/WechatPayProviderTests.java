package bookstore.payment.provider.wechatpay;

import static org.assertj.core.api.Assertions.assertThat;

import bookstore.payment.payments.domain.CustomerAction;
import bookstore.payment.payments.domain.Money;
import bookstore.payment.payments.domain.PaymentMethods;
import bookstore.payment.payments.domain.ProviderAnswer;
import bookstore.payment.payments.domain.ProviderCall;
import bookstore.payment.provider.TradeNumbers;
import bookstore.payment.provider.sandbox.wechatpay.SandboxWechatPayKeys;
import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.exception.ValidationException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WeChat Pay adapter against WeChat Pay's documented responses, served signed by a local
 * stand-in. The stand-in records what the SDK sent, so the tests check the requests (paths, JSON,
 * the merchant's {@code Authorization} signature) as well as how each answer maps.
 */
class WechatPayProviderTests {

    static final String APP_ID = "wxd678efh567hg6787";
    static final String MERCHANT_ID = "1230000109";
    static final UUID PAYMENT = UUID.fromString("6f1c2b8e-3d4a-4b7e-9a51-2c7d8e9f0a1b");
    static final String OUT_TRADE_NO = "6f1c2b8e3d4a4b7e9a512c7d8e9f0a1b";
    static final Money PRICE = new Money(4_200, "CNY");
    static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");
    static final URI NOTIFY_URL = URI.create("https://shop.example/api/payments/webhooks/wechatpay");

    static SandboxWechatPayKeys keys;
    static SandboxWechatPayKeys forger;

    final JsonMapper json = JsonMapper.builder().build();
    RecordedWechatPay wechat;
    WechatPayProvider provider;

    @BeforeAll
    static void makeKeys() {
        keys = SandboxWechatPayKeys.generate();
        forger = SandboxWechatPayKeys.generate();
    }

    @BeforeEach
    void startRecordedWechatPay() {
        wechat = new RecordedWechatPay(keys);
        URI base = wechat.baseUrl();
        provider = WechatPayProvider.connect(
                new WechatPayMerchant(APP_ID, MERCHANT_ID, () -> NOTIFY_URL),
                keys.config(MERCHANT_ID),
                WechatPayHttp.towards(() -> base, Duration.ofSeconds(5)),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stopRecordedWechatPay() {
        wechat.stop();
    }

    @Test
    void chargePrepaysANativeOrderSignedByTheMerchantAndAnswersItsQrCode() {
        wechat.answer(200, "prepay.json");
        Instant payBy = Instant.parse("2026-12-07T03:15:30Z");

        StepVerifier.create(provider.charge(charge(payBy)))
                .expectNext(new ProviderAnswer.ActionRequired(
                        OUT_TRADE_NO,
                        new CustomerAction(
                                CustomerAction.Kind.QR_CODE, "weixin://wxpay/bizpayurl?pr=p4lpSuKzz", payBy)))
                .verifyComplete();

        var prepay = wechat.requests().getFirst();
        assertThat(prepay.method()).isEqualTo("POST");
        assertThat(prepay.path()).isEqualTo("/v3/pay/transactions/native");
        assertThat(keys.authorizes(
                        "POST",
                        prepay.canonicalUrl(),
                        prepay.body(),
                        prepay.header("Authorization"),
                        MERCHANT_ID,
                        Instant.now()))
                .as("the merchant's WECHATPAY2-SHA256-RSA2048 signature")
                .isTrue();
        JsonNode body = json.readTree(prepay.body());
        assertThat(body.path("appid").stringValue()).isEqualTo(APP_ID);
        assertThat(body.path("mchid").stringValue()).isEqualTo(MERCHANT_ID);
        assertThat(body.path("out_trade_no").stringValue()).isEqualTo(OUT_TRADE_NO);
        assertThat(body.path("time_expire").stringValue()).isEqualTo("2026-12-07T11:15:30+08:00");
        assertThat(body.path("notify_url").stringValue()).isEqualTo(NOTIFY_URL.toString());
        assertThat(body.path("description").stringValue()).isEqualTo("Bookstore order order-4711");
        assertThat(body.path("attach").stringValue()).isEqualTo("order-4711");
        assertThat(body.path("amount").path("total").asLong()).isEqualTo(4_200);
        assertThat(body.path("amount").path("currency").stringValue()).isEqualTo("CNY");
    }

    @Test
    void aChargeWithoutADeadlineWaitsFifteenMinutes() {
        wechat.answer(200, "prepay.json");

        StepVerifier.create(provider.charge(charge(null)))
                .assertNext(answer -> assertThat(((ProviderAnswer.ActionRequired) answer)
                                .action()
                                .expiresAt())
                        .isEqualTo(NOW.plus(Duration.ofMinutes(15))))
                .verifyComplete();
        assertThat(json.readTree(wechat.requests().getFirst().body())
                        .path("time_expire")
                        .stringValue())
                .isEqualTo("2026-12-07T11:15:00+08:00");
    }

    @Test
    void aChargeMadeAgainForAnOrderPaidMeanwhileAnswersTheOrdersOutcome() {
        wechat.answer(400, "error_orderpaid.json").answer(200, "query_success.json");

        StepVerifier.create(provider.charge(charge(null)))
                .expectNext(new ProviderAnswer.Succeeded(OUT_TRADE_NO))
                .verifyComplete();
        assertThat(wechat.requests().get(1).canonicalUrl())
                .isEqualTo("/v3/pay/transactions/out-trade-no/" + OUT_TRADE_NO + "?mchid=" + MERCHANT_ID);
    }

    @Test
    void aChargeMadeAgainForAClosedOrderAnswersCancelled() {
        wechat.answer(400, "error_order_closed.json").answer(200, "query_closed.json");

        StepVerifier.create(provider.charge(charge(null)))
                .expectNext(new ProviderAnswer.Canceled(OUT_TRADE_NO))
                .verifyComplete();
    }

    @Test
    void aPrepayWechatPayRefusesIsDeclinedWithItsCode() {
        wechat.answer(400, "error_param_error.json");

        StepVerifier.create(provider.charge(charge(null)))
                .expectNext(new ProviderAnswer.Declined(null, "PARAM_ERROR"))
                .verifyComplete();
    }

    @Test
    void wechatPaysOwnFailuresAndRateLimitsAreErrorsSoTheCallIsMadeAgain() {
        wechat.answer(500, "error_system_error.json").answer(429, "error_frequency_limited.json");

        StepVerifier.create(provider.charge(charge(null)))
                .expectError(ServiceException.class)
                .verify();
        StepVerifier.create(provider.charge(charge(null)))
                .expectError(ServiceException.class)
                .verify();
    }

    @Test
    void aResponseNotSignedByWechatPayIsNotBelieved() {
        wechat.signWith(forger);
        wechat.answer(200, "query_success.json");

        StepVerifier.create(provider.checkStatus(new ProviderCall.CheckStatus(PAYMENT, OUT_TRADE_NO)))
                .expectError(ValidationException.class)
                .verify();
    }

    @ParameterizedTest
    @CsvSource({
        "query_success.json, Succeeded",
        "query_refund.json, Succeeded",
        "query_notpay.json, Processing",
        "query_userpaying.json, Processing",
        "query_closed.json, Canceled",
        "query_revoked.json, Canceled",
        "query_payerror.json, Declined"
    })
    void statusIsTheQueriedOrdersTradeState(String recording, String answer) {
        wechat.answer(200, recording);

        StepVerifier.create(provider.checkStatus(new ProviderCall.CheckStatus(PAYMENT, OUT_TRADE_NO)))
                .assertNext(status -> {
                    assertThat(status.getClass().getSimpleName()).isEqualTo(answer);
                    assertThat(status.reference()).isEqualTo(OUT_TRADE_NO);
                })
                .verifyComplete();
        var query = wechat.requests().getFirst();
        assertThat(query.method()).isEqualTo("GET");
        assertThat(keys.authorizes(
                        "GET", query.canonicalUrl(), "", query.header("Authorization"), MERCHANT_ID, Instant.now()))
                .isTrue();
    }

    @Test
    void cancelClosesAWaitingOrder() {
        wechat.answer(200, "query_notpay.json").answer(204, null);

        StepVerifier.create(provider.cancel(new ProviderCall.Cancel(PAYMENT, OUT_TRADE_NO)))
                .expectNext(new ProviderAnswer.Canceled(OUT_TRADE_NO))
                .verifyComplete();
        var close = wechat.requests().get(1);
        assertThat(close.method()).isEqualTo("POST");
        assertThat(close.path()).isEqualTo("/v3/pay/transactions/out-trade-no/" + OUT_TRADE_NO + "/close");
        assertThat(json.readTree(close.body()).path("mchid").stringValue()).isEqualTo(MERCHANT_ID);
        assertThat(json.readTree(close.body()).has("out_trade_no")).isFalse();
    }

    @Test
    void cancelOfAnOrderPaidAlreadyAnswersSucceededWithoutClosing() {
        wechat.answer(200, "query_success.json");

        StepVerifier.create(provider.cancel(new ProviderCall.Cancel(PAYMENT, OUT_TRADE_NO)))
                .expectNext(new ProviderAnswer.Succeeded(OUT_TRADE_NO))
                .verifyComplete();
        assertThat(wechat.requests()).hasSize(1);
    }

    @Test
    void aPaymentThatBeatsTheCloseWins() {
        wechat.answer(200, "query_notpay.json")
                .answer(400, "error_orderpaid.json")
                .answer(200, "query_success.json");

        StepVerifier.create(provider.cancel(new ProviderCall.Cancel(PAYMENT, OUT_TRADE_NO)))
                .expectNext(new ProviderAnswer.Succeeded(OUT_TRADE_NO))
                .verifyComplete();
    }

    @Test
    void aPartialRefundGoesBackUnderItsKeyAgainstTheOrdersTotal() {
        wechat.answer(200, "query_success.json").answer(200, "refund_success.json");
        String key = "payment-" + PAYMENT + "-refund-r1";

        StepVerifier.create(provider.refund(new ProviderCall.Refund(PAYMENT, OUT_TRADE_NO, cny(1_200), key, "r1")))
                .expectNext(new ProviderAnswer.Refunded(OUT_TRADE_NO, cny(1_200), "r1"))
                .verifyComplete();

        var refund = wechat.requests().get(1);
        assertThat(refund.method()).isEqualTo("POST");
        assertThat(refund.path()).isEqualTo("/v3/refund/domestic/refunds");
        assertThat(keys.authorizes(
                        "POST",
                        refund.canonicalUrl(),
                        refund.body(),
                        refund.header("Authorization"),
                        MERCHANT_ID,
                        Instant.now()))
                .isTrue();
        JsonNode body = json.readTree(refund.body());
        assertThat(body.path("out_trade_no").stringValue()).isEqualTo(OUT_TRADE_NO);
        assertThat(body.path("out_refund_no").stringValue()).isEqualTo(key);
        assertThat(body.path("amount").path("refund").asLong()).isEqualTo(1_200);
        assertThat(body.path("amount").path("total").asLong()).isEqualTo(4_200);
        assertThat(body.path("amount").path("currency").stringValue()).isEqualTo("CNY");
    }

    @Test
    void aRefundWechatPayIsStillProcessingCountsAsGivenBack() {
        wechat.answer(200, "query_success.json").answer(200, "refund_processing.json");

        StepVerifier.create(provider.refund(new ProviderCall.Refund(PAYMENT, OUT_TRADE_NO, cny(1_200), "k", "r1")))
                .expectNext(new ProviderAnswer.Refunded(OUT_TRADE_NO, cny(1_200), "r1"))
                .verifyComplete();
    }

    @ParameterizedTest
    @CsvSource({
        "200, refund_abnormal.json, ABNORMAL",
        "200, refund_closed.json, CLOSED",
        "403, error_not_enough.json, NOT_ENOUGH",
        "400, error_invalid_request.json, INVALID_REQUEST"
    })
    void aPartWechatPayRefusesIsRefusedWithItsCode(int status, String recording, String code) {
        wechat.answer(200, "query_success.json").answer(status, recording);

        StepVerifier.create(provider.refund(new ProviderCall.Refund(PAYMENT, OUT_TRADE_NO, cny(1_200), "k", "r1")))
                .expectNext(new ProviderAnswer.RefundRefused(OUT_TRADE_NO, "r1", code))
                .verifyComplete();
    }

    @Test
    void theRefundOfAllThatIsLeftIsTriedAgainWhenRefused() {
        wechat.answer(200, "query_success.json").answer(403, "error_not_enough.json");

        StepVerifier.create(provider.refund(new ProviderCall.Refund(PAYMENT, OUT_TRADE_NO, PRICE, "k")))
                .expectError(IllegalStateException.class)
                .verify();
    }

    @Test
    void aRefundKeyLongerThanWechatPayTakesBecomesTheSameShorterOneEachTime() {
        String key = "payment-" + PAYMENT + "-refund-return-" + UUID.randomUUID();

        String outRefundNo = WechatPayProvider.outRefundNo(key);

        assertThat(outRefundNo).hasSize(64).matches("[A-Za-z0-9_\\-|*@]+");
        assertThat(WechatPayProvider.outRefundNo(key)).isEqualTo(outRefundNo);
        assertThat(WechatPayProvider.outRefundNo(key + "x")).isNotEqualTo(outRefundNo);
        assertThat(WechatPayProvider.outRefundNo("payment-key-refund")).isEqualTo("payment-key-refund");
    }

    @Test
    void outTradeNoIsThePaymentIdWithoutHyphensAndBack() {
        assertThat(TradeNumbers.of(PAYMENT)).isEqualTo(OUT_TRADE_NO);
        assertThat(TradeNumbers.paymentIdOf(OUT_TRADE_NO)).isEqualTo(PAYMENT);
        assertThat(TradeNumbers.paymentIdOf("1217752501201407033233368018")).isNull();
    }

    private static ProviderCall.Charge charge(Instant payBy) {
        return new ProviderCall.Charge(
                PAYMENT, "order-4711", PRICE, PaymentMethods.WECHAT_NATIVE, "payment-key", payBy);
    }

    private static Money cny(long fen) {
        return new Money(fen, "CNY");
    }
}
