package bookstore.payment.provider.alipay;

import bookstore.payment.payments.application.PaymentProvider;
import bookstore.payment.payments.domain.CustomerAction;
import bookstore.payment.payments.domain.PaymentMethods;
import bookstore.payment.payments.domain.ProviderAnswer;
import bookstore.payment.payments.domain.ProviderCall;
import bookstore.payment.provider.TradeNumbers;
import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.AlipayConfig;
import com.alipay.api.AlipayRequest;
import com.alipay.api.AlipayResponse;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.request.AlipayTradeCloseRequest;
import com.alipay.api.request.AlipayTradePagePayRequest;
import com.alipay.api.request.AlipayTradePrecreateRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.request.AlipayTradeRefundRequest;
import com.alipay.api.response.AlipayTradeQueryResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alipay through its Java SDK ({@code alipay-sdk-java}), RSA2-signed both ways: 当面付 ({@code
 * alipay.trade.precreate}, a QR code the customer scans) and 电脑网站支付 ({@code
 * alipay.trade.page.pay}, a signed link to the cashier page); {@code alipay.trade.query} for the
 * status, {@code alipay.trade.close} to cancel, {@code alipay.trade.refund} for refunds, partial
 * ones each under its own request number.
 *
 * <p>The trade's {@code out_trade_no} is our payment id (without hyphens: Alipay takes letters,
 * digits and underscores), which is also the payment's reference: Alipay assigns its own {@code
 * trade_no} only once the customer has scanned, and repeating a charge for the same payment is the
 * same trade at Alipay. Alipay refusing a request ({@code code} 40004 with a {@code sub_code}) is an
 * answer; its system errors ({@code 20000}, {@code ACQ.SYSTEM_ERROR}), a broken connection or an
 * answer whose signature does not verify are errors, whose outcome is unknown.
 */
public class AlipayProvider implements PaymentProvider {

    public static final String NAME = "alipay";

    /** How long a trade waits for the customer when the saga gave no deadline. */
    static final Duration DEFAULT_PAY_WINDOW = Duration.ofMinutes(15);

    static final String SUCCESS = "10000";
    static final String SERVICE_UNAVAILABLE = "20000";
    static final String SYSTEM_ERROR = "ACQ.SYSTEM_ERROR";
    static final String TRADE_NOT_EXIST = "ACQ.TRADE_NOT_EXIST";
    static final String TRADE_HAS_SUCCESS = "ACQ.TRADE_HAS_SUCCESS";
    static final String TRADE_HAS_CLOSE = "ACQ.TRADE_HAS_CLOSE";
    static final String TRADE_STATUS_ERROR = "ACQ.TRADE_STATUS_ERROR";

    private final AlipayAccount account;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile AlipayClient api;
    private volatile AlipayClient page;

    public AlipayProvider(AlipayAccount account, Clock clock) {
        this.account = Objects.requireNonNull(account, "account");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean takes(String paymentMethod) {
        return PaymentMethods.ALIPAY.contains(paymentMethod);
    }

    /**
     * Creates the trade (or, for one that exists, asks again: Alipay answers a waiting trade with its
     * current way to pay, a paid one with {@code ACQ.TRADE_HAS_SUCCESS}). A page payment is a link
     * the SDK signs without calling Alipay; the trade comes into being when the browser follows it.
     */
    @Override
    public Mono<ProviderAnswer> charge(ProviderCall.Charge call) {
        String reference = TradeNumbers.of(call.paymentId());
        Instant expiresAt = expiry(call.payBy());
        Map<String, Object> biz = new LinkedHashMap<>();
        biz.put("out_trade_no", reference);
        biz.put("total_amount", Yuan.of(call.amount().amount()));
        biz.put("subject", account.subjectPrefix() + call.orderId());
        biz.put("time_expire", AlipayTime.format(expiresAt));
        if (PaymentMethods.ALIPAY_PAGE.equals(call.paymentMethod())) {
            biz.put("product_code", "FAST_INSTANT_TRADE_PAY");
            return blocking(() -> {
                var request = new AlipayTradePagePayRequest();
                request.setBizContent(json.writeValueAsString(biz));
                addUrls(request);
                String url = pageClient().pageExecute(request, "GET").getBody();
                return new ProviderAnswer.ActionRequired(
                        reference, new CustomerAction(CustomerAction.Kind.REDIRECT, url, expiresAt));
            });
        }
        biz.put("product_code", "FACE_TO_FACE_PAYMENT");
        return blocking(() -> {
            var request = new AlipayTradePrecreateRequest();
            request.setBizContent(json.writeValueAsString(biz));
            addUrls(request);
            var response = apiClient().execute(request);
            if (isSuccess(response)) {
                return new ProviderAnswer.ActionRequired(
                        reference, new CustomerAction(CustomerAction.Kind.QR_CODE, response.getQrCode(), expiresAt));
            }
            refusedOrUnknown(response, "precreate");
            return switch (response.getSubCode()) {
                case TRADE_HAS_SUCCESS -> new ProviderAnswer.Succeeded(reference);
                case TRADE_HAS_CLOSE -> new ProviderAnswer.Canceled(reference);
                default -> new ProviderAnswer.Declined(reference, response.getSubCode());
            };
        });
    }

    /**
     * The trade as Alipay has it. A trade Alipay does not know yet is one nobody has scanned or
     * opened: still waiting, not declined.
     */
    @Override
    public Mono<ProviderAnswer> checkStatus(ProviderCall.CheckStatus call) {
        return blocking(() -> {
            var response = query(call.reference());
            if (!isSuccess(response) && TRADE_NOT_EXIST.equals(response.getSubCode())) {
                return new ProviderAnswer.Processing(call.reference());
            }
            return statusOf(call.reference(), response);
        });
    }

    /**
     * Closes the trade. One Alipay does not know was never paid (nothing to close); one it refuses to
     * close was paid or closed meanwhile, which the query tells.
     */
    @Override
    public Mono<ProviderAnswer> cancel(ProviderCall.Cancel call) {
        return blocking(() -> {
            var request = new AlipayTradeCloseRequest();
            request.setBizContent(json.writeValueAsString(Map.of("out_trade_no", call.reference())));
            var response = apiClient().execute(request);
            if (isSuccess(response)) {
                return new ProviderAnswer.Canceled(call.reference());
            }
            refusedOrUnknown(response, "close");
            if (TRADE_NOT_EXIST.equals(response.getSubCode())) {
                return new ProviderAnswer.Canceled(call.reference());
            }
            if (!TRADE_STATUS_ERROR.equals(response.getSubCode())) {
                throw new AlipayRefusalException("close", response);
            }
            return statusOf(call.reference(), query(call.reference()));
        });
    }

    /**
     * Refunds all that is left, or one part, under the refund's idempotency key as {@code
     * out_request_no}: Alipay answers a repeated request number with the first refund. A part Alipay
     * refuses ({@code ACQ.TRADE_HAS_FINISHED}, {@code ACQ.REFUND_AMT_NOT_EQUAL_TOTAL}…) is refused
     * for good; the refund of all that is left is owed to a cancelled order and is tried again.
     */
    @Override
    public Mono<ProviderAnswer> refund(ProviderCall.Refund call) {
        return blocking(() -> {
            Map<String, Object> biz = new LinkedHashMap<>();
            biz.put("out_trade_no", call.reference());
            biz.put("refund_amount", Yuan.of(call.amount().amount()));
            biz.put("out_request_no", call.idempotencyKey());
            biz.put("refund_reason", call.refundId() == null ? "order cancelled" : "refund " + call.refundId());
            var request = new AlipayTradeRefundRequest();
            request.setBizContent(json.writeValueAsString(biz));
            var response = apiClient().execute(request);
            if (isSuccess(response)) {
                return new ProviderAnswer.Refunded(call.reference(), call.amount(), call.refundId());
            }
            refusedOrUnknown(response, "refund");
            if (call.refundId() == null) {
                throw new AlipayRefusalException("refund", response);
            }
            return new ProviderAnswer.RefundRefused(call.reference(), call.refundId(), response.getSubCode());
        });
    }

    private AlipayTradeQueryResponse query(String outTradeNo) throws AlipayApiException {
        var request = new AlipayTradeQueryRequest();
        request.setBizContent(json.writeValueAsString(Map.of("out_trade_no", outTradeNo)));
        var response = apiClient().execute(request);
        if (!isSuccess(response)) {
            refusedOrUnknown(response, "query");
        }
        return response;
    }

    private static ProviderAnswer statusOf(String reference, AlipayTradeQueryResponse response) {
        if (!isSuccess(response)) {
            throw new AlipayRefusalException("query", response);
        }
        return switch (String.valueOf(response.getTradeStatus())) {
            case "TRADE_SUCCESS", "TRADE_FINISHED" -> new ProviderAnswer.Succeeded(reference);
            case "TRADE_CLOSED" -> new ProviderAnswer.Canceled(reference);
            case "WAIT_BUYER_PAY" -> new ProviderAnswer.Processing(reference);
            default ->
                throw new IllegalStateException(
                        "Alipay reports trade " + reference + " as " + response.getTradeStatus());
        };
    }

    /** The trade expires when the order stops waiting, to the second, as Alipay takes it. */
    private Instant expiry(Instant payBy) {
        Instant expiresAt = payBy != null ? payBy : clock.instant().plus(DEFAULT_PAY_WINDOW);
        return expiresAt.truncatedTo(ChronoUnit.SECONDS);
    }

    private void addUrls(AlipayRequest<?> request) {
        String notifyUrl = account.notifyUrl().get();
        if (notifyUrl != null) {
            request.setNotifyUrl(notifyUrl);
        }
        if (account.returnUrl() != null) {
            request.setReturnUrl(account.returnUrl());
        }
    }

    private static boolean isSuccess(AlipayResponse response) {
        return SUCCESS.equals(response.getCode());
    }

    /** Alipay's own failures leave the outcome unknown; everything else it answers is a refusal. */
    private static void refusedOrUnknown(AlipayResponse response, String call) {
        if (SERVICE_UNAVAILABLE.equals(response.getCode())
                || SYSTEM_ERROR.equals(response.getSubCode())
                || response.getSubCode() == null) {
            throw new AlipayRefusalException(call, response);
        }
    }

    private AlipayClient apiClient() throws AlipayApiException {
        if (api == null) {
            api = client(account.gateway().get());
        }
        return api;
    }

    private AlipayClient pageClient() throws AlipayApiException {
        if (page == null) {
            page = client(account.pageGateway().get());
        }
        return page;
    }

    private AlipayClient client(String gateway) throws AlipayApiException {
        var config = new AlipayConfig();
        config.setServerUrl(gateway);
        config.setAppId(account.appId());
        config.setPrivateKey(account.appPrivateKey());
        config.setFormat("json");
        config.setCharset("UTF-8");
        config.setAlipayPublicKey(account.alipayPublicKey());
        config.setSignType("RSA2");
        int timeout = Math.toIntExact(account.timeout().toMillis());
        config.setConnectTimeout(timeout);
        config.setReadTimeout(timeout);
        return new DefaultAlipayClient(config);
    }

    /** The SDK blocks; its calls run where blocking is allowed. */
    private static Mono<ProviderAnswer> blocking(AlipayCall call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }

    @FunctionalInterface
    private interface AlipayCall extends Callable<ProviderAnswer> {

        @Override
        ProviderAnswer call() throws AlipayApiException;
    }

    /** Alipay answered in a way that leaves the outcome unknown, or refused what must be tried again. */
    static final class AlipayRefusalException extends IllegalStateException {

        AlipayRefusalException(String call, AlipayResponse response) {
            super("Alipay answered " + call + " with " + response.getCode() + " " + response.getSubCode() + ": "
                    + response.getSubMsg());
        }
    }
}
