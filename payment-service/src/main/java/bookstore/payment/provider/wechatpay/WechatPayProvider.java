package bookstore.payment.provider.wechatpay;

import bookstore.payment.payments.application.PaymentProvider;
import bookstore.payment.payments.domain.CustomerAction;
import bookstore.payment.payments.domain.Money;
import bookstore.payment.payments.domain.PaymentMethods;
import bookstore.payment.payments.domain.ProviderAnswer;
import bookstore.payment.payments.domain.ProviderCall;
import bookstore.payment.provider.TradeNumbers;
import com.wechat.pay.java.core.Config;
import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.payments.nativepay.NativePayService;
import com.wechat.pay.java.service.payments.nativepay.model.Amount;
import com.wechat.pay.java.service.payments.nativepay.model.CloseOrderRequest;
import com.wechat.pay.java.service.payments.nativepay.model.PrepayRequest;
import com.wechat.pay.java.service.payments.nativepay.model.QueryOrderByOutTradeNoRequest;
import com.wechat.pay.java.service.refund.RefundService;
import com.wechat.pay.java.service.refund.model.AmountReq;
import com.wechat.pay.java.service.refund.model.CreateRequest;
import com.wechat.pay.java.service.refund.model.Refund;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * WeChat Pay Native (扫码支付) through {@code wechatpay-java}: a charge is a prepay order whose {@code
 * code_url} the customer scans; it is named by our payment id without hyphens ({@code out_trade_no}),
 * which is also the reference every later call uses. Made again (an answer lost, a fresh QR code
 * asked for), the prepay for the same {@code out_trade_no} answers the order's current way to pay,
 * or, when it was paid or closed meanwhile, the order's state. Refunds carry the refund's idempotency
 * key as {@code out_refund_no}, so WeChat Pay refunds each once.
 *
 * <p>WeChat Pay refusing a request (4xx with its code) is an answer; an unknown outcome (no answer,
 * its own errors 5xx, a rate limit, a response whose signature does not check out) is an error,
 * which the caller retries later.
 */
public final class WechatPayProvider implements PaymentProvider {

    public static final String NAME = "wechatpay";

    /** How long a trade waits for the customer when the saga did not say. */
    static final Duration DEFAULT_WAIT = Duration.ofMinutes(15);

    static final String CURRENCY = "CNY";

    private static final Pattern OUT_REFUND_NO = Pattern.compile("[A-Za-z0-9_\\-*|@]{1,64}");
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    /** Codes of a prepay for an order that exists already and can no longer be prepaid as asked. */
    private static final Set<String> ORDER_TAKEN = Set.of("ORDERPAID", "ORDER_CLOSED", "OUT_TRADE_NO_USED");

    private static final String ORDER_NOT_EXIST = "ORDER_NOT_EXIST";
    private static final int TOO_MANY_REQUESTS = 429;

    private final NativePayService payments;
    private final RefundService refunds;
    private final WechatPayMerchant merchant;
    private final Clock clock;

    WechatPayProvider(NativePayService payments, RefundService refunds, WechatPayMerchant merchant, Clock clock) {
        this.payments = payments;
        this.refunds = refunds;
        this.merchant = merchant;
        this.clock = clock;
    }

    /** The adapter for a merchant, its credentials in {@code config}, calling over {@code http}. */
    public static WechatPayProvider connect(WechatPayMerchant merchant, Config config, OkHttpClient http, Clock clock) {
        var client =
                new DefaultHttpClientBuilder().config(config).okHttpClient(http).build();
        return new WechatPayProvider(
                new NativePayService.Builder().httpClient(client).build(),
                new RefundService.Builder().httpClient(client).build(),
                merchant,
                clock);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean takes(String paymentMethod) {
        return PaymentMethods.WECHAT.contains(paymentMethod);
    }

    /**
     * The refund's idempotency key as {@code out_refund_no} (up to 64 of {@code [A-Za-z0-9_-|*@]}); a
     * key that does not fit is replaced by its SHA-256, the same on every attempt.
     */
    static String outRefundNo(String idempotencyKey) {
        if (OUT_REFUND_NO.matcher(idempotencyKey).matches()) {
            return idempotencyKey;
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return "rf-" + HexFormat.of().formatHex(digest).substring(0, 61);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static String timeExpire(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).atOffset(BEIJING).format(RFC_3339);
    }

    @Override
    public Mono<ProviderAnswer> charge(ProviderCall.Charge call) {
        String outTradeNo = TradeNumbers.of(call.paymentId());
        Instant expiresAt = (call.payBy() != null
                        ? call.payBy()
                        : clock.instant().plus(DEFAULT_WAIT))
                .truncatedTo(ChronoUnit.SECONDS);
        return blocking(() -> {
            var amount = new Amount();
            amount.setTotal(Math.toIntExact(call.amount().amount()));
            amount.setCurrency(call.amount().currency());
            var request = new PrepayRequest();
            request.setAppid(merchant.appId());
            request.setMchid(merchant.merchantId());
            request.setDescription("Bookstore order " + call.orderId());
            request.setOutTradeNo(outTradeNo);
            request.setTimeExpire(timeExpire(expiresAt));
            request.setAttach(call.orderId());
            request.setNotifyUrl(merchant.notifyUrl().get().toString());
            request.setAmount(amount);
            try {
                String codeUrl = payments.prepay(request).getCodeUrl();
                return new ProviderAnswer.ActionRequired(
                        outTradeNo, new CustomerAction(CustomerAction.Kind.QR_CODE, codeUrl, expiresAt));
            } catch (ServiceException refused) {
                if (!isAnswer(refused)) {
                    throw refused;
                }
                if (ORDER_TAKEN.contains(refused.getErrorCode())) {
                    // Paid or closed meanwhile (or asked for differently before): the order says how it stands.
                    return stillWaiting(query(outTradeNo), refused);
                }
                return new ProviderAnswer.Declined(null, refused.getErrorCode());
            }
        });
    }

    /**
     * SUCCESS (and REFUND: paid, then given back in part) is captured; NOTPAY and USERPAYING still wait
     * for the customer; CLOSED and REVOKED are cancelled; PAYERROR is declined.
     */
    @Override
    public Mono<ProviderAnswer> checkStatus(ProviderCall.CheckStatus call) {
        return blocking(() -> answerOf(query(call.reference())));
    }

    /** Closes the order unless it was paid (or closed) already; a payment that beats the close wins. */
    @Override
    public Mono<ProviderAnswer> cancel(ProviderCall.Cancel call) {
        return blocking(() -> {
            Transaction before;
            try {
                before = query(call.reference());
            } catch (ServiceException missing) {
                if (isAnswer(missing) && ORDER_NOT_EXIST.equals(missing.getErrorCode())) {
                    return new ProviderAnswer.Canceled(call.reference());
                }
                throw missing;
            }
            ProviderAnswer answer = answerOf(before);
            if (answer.isOutcome()) {
                return answer;
            }
            var close = new CloseOrderRequest();
            close.setMchid(merchant.merchantId());
            close.setOutTradeNo(call.reference());
            try {
                payments.closeOrder(close);
            } catch (ServiceException refused) {
                if (!isAnswer(refused)) {
                    throw refused;
                }
                // ORDERPAID: the customer paid just before the close.
                return stillWaiting(query(call.reference()), refused);
            }
            return new ProviderAnswer.Canceled(call.reference());
        });
    }

    /**
     * A refund of the order ({@code POST /v3/refund/domestic/refunds}) with {@code amount{refund,
     * total, currency}}, the total read from the order first. SUCCESS and PROCESSING count as given
     * back; ABNORMAL and CLOSED, and a refusal such as NOT_ENOUGH or INVALID_REQUEST, refuse a partial
     * refund with WeChat Pay's code. The refund of all that is left is owed to a cancelled order and
     * is tried again instead.
     */
    @Override
    public Mono<ProviderAnswer> refund(ProviderCall.Refund call) {
        return blocking(() -> {
            Refund refund;
            try {
                Transaction order = query(call.reference());
                var amount = new AmountReq();
                amount.setRefund(call.amount().amount());
                amount.setTotal(order.getAmount().getTotal().longValue());
                amount.setCurrency(call.amount().currency());
                var request = new CreateRequest();
                request.setOutTradeNo(call.reference());
                request.setOutRefundNo(outRefundNo(call.idempotencyKey()));
                request.setReason(call.refundId() == null ? "Order cancelled" : "Refund " + call.refundId());
                request.setAmount(amount);
                refund = refunds.create(request);
            } catch (ServiceException refused) {
                if (!isAnswer(refused)) {
                    throw refused;
                }
                return refused(call, refused.getErrorCode());
            }
            return switch (refund.getStatus()) {
                case SUCCESS, PROCESSING ->
                    new ProviderAnswer.Refunded(
                            call.reference(),
                            new Money(
                                    refund.getAmount().getRefund(),
                                    refund.getAmount().getCurrency()),
                            call.refundId());
                case ABNORMAL, CLOSED -> refused(call, refund.getStatus().name());
            };
        });
    }

    private static ProviderAnswer refused(ProviderCall.Refund call, String code) {
        if (call.refundId() == null) {
            throw new IllegalStateException(
                    "WeChat Pay refused to refund " + call.amount() + " of " + call.reference() + ": " + code);
        }
        return new ProviderAnswer.RefundRefused(call.reference(), call.refundId(), code);
    }

    private Transaction query(String outTradeNo) {
        var request = new QueryOrderByOutTradeNoRequest();
        request.setMchid(merchant.merchantId());
        request.setOutTradeNo(outTradeNo);
        return payments.queryOrderByOutTradeNo(request);
    }

    /** The order's outcome; an order still waiting cannot answer a call that needed it settled. */
    private static ProviderAnswer stillWaiting(Transaction order, ServiceException refused) {
        ProviderAnswer answer = answerOf(order);
        if (!answer.isOutcome()) {
            throw new IllegalStateException(
                    "WeChat Pay answered " + refused.getErrorCode() + " for " + order.getOutTradeNo()
                            + ", which waits for the customer",
                    refused);
        }
        return answer;
    }

    static ProviderAnswer answerOf(Transaction order) {
        String reference = order.getOutTradeNo();
        return switch (order.getTradeState()) {
            case SUCCESS, REFUND -> new ProviderAnswer.Succeeded(reference);
            case CLOSED, REVOKED -> new ProviderAnswer.Canceled(reference);
            case PAYERROR -> new ProviderAnswer.Declined(reference, "PAYERROR");
            case NOTPAY, USERPAYING, ACCEPT -> new ProviderAnswer.Processing(reference);
        };
    }

    /** WeChat Pay's own failures and rate limits leave the outcome unknown; other refusals are answers. */
    private static boolean isAnswer(ServiceException e) {
        return e.getHttpStatusCode() >= 400
                && e.getHttpStatusCode() < 500
                && e.getHttpStatusCode() != TOO_MANY_REQUESTS
                && e.getErrorCode() != null;
    }

    /** The SDK blocks; its calls run where blocking is allowed. */
    private static Mono<ProviderAnswer> blocking(Callable<ProviderAnswer> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }
}
