package bookstore.payment.provider.sandbox.alipay;

import static bookstore.payment.provider.sandbox.alipay.SandboxAlipayTrade.TRADE_CLOSED;
import static bookstore.payment.provider.sandbox.alipay.SandboxAlipayTrade.TRADE_FINISHED;
import static bookstore.payment.provider.sandbox.alipay.SandboxAlipayTrade.TRADE_SUCCESS;
import static bookstore.payment.provider.sandbox.alipay.SandboxAlipayTrade.WAIT_BUYER_PAY;

import bookstore.payment.provider.alipay.AlipayTime;
import bookstore.payment.provider.alipay.Yuan;
import bookstore.payment.provider.sandbox.SandboxPayLinks;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox's Alipay gateway ({@code gateway.do}): the trade APIs the adapter calls, in Alipay's
 * request and answer formats, with Alipay's rules. A request must be for the sandbox's app and
 * signed by the app's key; answers are signed with "Alipay's" key. Business refusals are {@code
 * code 40004} with Alipay's {@code sub_code}s.
 */
class SandboxAlipay {

    static final String PRECREATE = "alipay.trade.precreate";
    static final String PAGE_PAY = "alipay.trade.page.pay";
    static final String QUERY = "alipay.trade.query";
    static final String CLOSE = "alipay.trade.close";
    static final String REFUND = "alipay.trade.refund";

    /** How long Alipay keeps a trade open when the request does not say. */
    private static final Duration DEFAULT_EXPIRY = Duration.ofHours(2);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SandboxAlipayTrades trades;
    private final SandboxAlipaySigning signing;
    private final SandboxPayLinks links;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    SandboxAlipay(SandboxAlipayTrades trades, SandboxAlipaySigning signing, SandboxPayLinks links, Clock clock) {
        this.trades = trades;
        this.signing = signing;
        this.links = links;
        this.clock = clock;
    }

    /** A token for the scan-to-pay page; the wallet's name is its prefix. */
    static String newToken() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return SandboxAlipayWallet.NAME + "-" + HexFormat.of().formatHex(random);
    }

    /** Answers a signed API request (POST); the body of the answer, signed. */
    Mono<String> call(Map<String, String> params) {
        String method = params.getOrDefault("method", "");
        if (!signing.appId().equals(params.get("app_id"))) {
            return answer(method, Response.error("40002", "isv.invalid-app-id", "无效的AppID参数"));
        }
        if (!signing.isSignedByApp(params)) {
            return answer(method, Response.error("40002", "isv.invalid-signature", "验签出错"));
        }
        JsonNode biz;
        try {
            biz = json.readTree(params.getOrDefault("biz_content", "{}"));
        } catch (JacksonException e) {
            return answer(method, Response.error("40002", "isv.invalid-parameter", "biz_content 不是 JSON"));
        }
        Mono<Map<String, Object>> response =
                switch (method) {
                    case PRECREATE -> precreate(biz, params.get("notify_url"));
                    case QUERY -> query(biz);
                    case CLOSE -> close(biz);
                    case REFUND -> refund(biz);
                    default -> Mono.just(Response.error("40002", "isv.invalid-method", "不存在的方法名"));
                };
        return response.flatMap(body -> answer(method, body));
    }

    /**
     * A browser following a signed cashier link (GET): the trade is made then, and the cashier is the
     * scan-to-pay page. Empty when the link is not the app's or not a page payment.
     */
    Mono<URI> pagePay(Map<String, String> params) {
        if (!PAGE_PAY.equals(params.get("method"))
                || !signing.appId().equals(params.get("app_id"))
                || !signing.isSignedByApp(params)) {
            return Mono.empty();
        }
        JsonNode biz;
        try {
            biz = json.readTree(params.getOrDefault("biz_content", "{}"));
        } catch (JacksonException e) {
            return Mono.empty();
        }
        return trades.inTransaction(open(biz, params.get("notify_url"), "FAST_INSTANT_TRADE_PAY")
                        .flatMap(opened -> opened.trade() == null ? Mono.empty() : Mono.just(opened.trade())))
                .map(trade -> links.pageFor(trade.token()));
    }

    private Mono<Map<String, Object>> precreate(JsonNode biz, String notifyUrl) {
        return trades.inTransaction(open(biz, notifyUrl, "FACE_TO_FACE_PAYMENT").flatMap(opened -> {
            if (opened.refusal() != null) {
                return Mono.just(opened.refusal());
            }
            Instant now = clock.instant();
            SandboxAlipayTrade trade = opened.trade();
            if (trade.isPaid()) {
                return Mono.just(Response.refused("ACQ.TRADE_HAS_SUCCESS", "交易已被支付"));
            }
            if (!trade.isWaiting(now)) {
                return Mono.just(Response.refused("ACQ.TRADE_HAS_CLOSE", "交易已经关闭"));
            }
            // Asked again for a waiting trade: a fresh QR code, and the one before stops working.
            Mono<SandboxAlipayTrade> current =
                    opened.created() ? Mono.just(trade) : trades.update(trade.withToken(newToken()));
            return current.map(fresh -> {
                Map<String, Object> response = Response.success();
                response.put("out_trade_no", fresh.outTradeNo());
                response.put("qr_code", links.pageFor(fresh.token()).toString());
                return response;
            });
        }));
    }

    /** The trade the request names, made if new; or why it cannot be. */
    private Mono<Opened> open(JsonNode biz, String notifyUrl, String productCode) {
        String outTradeNo = biz.path("out_trade_no").stringValue(null);
        String subject = biz.path("subject").stringValue(null);
        long amount = fenOf(biz, "total_amount");
        if (outTradeNo == null || outTradeNo.isBlank() || subject == null || amount <= 0) {
            return Mono.just(Opened.refused(Response.refused("ACQ.INVALID_PARAMETER", "参数无效")));
        }
        Instant now = clock.instant();
        Instant expiry;
        try {
            expiry = biz.hasNonNull("time_expire")
                    ? AlipayTime.parse(biz.path("time_expire").stringValue())
                    : now.plus(DEFAULT_EXPIRY);
        } catch (RuntimeException e) {
            return Mono.just(Opened.refused(Response.refused("ACQ.INVALID_PARAMETER", "time_expire 格式错误")));
        }
        var trade = new SandboxAlipayTrade(
                outTradeNo,
                newTradeNo(now),
                signing.appId(),
                productCode,
                subject,
                amount,
                WAIT_BUYER_PAY,
                newToken(),
                notifyUrl,
                expiry,
                now,
                null);
        return trades.insert(trade)
                .flatMap(created -> created
                        ? Mono.just(new Opened(trade, true, null))
                        : trades.lock(outTradeNo)
                                .map(existing -> existing.totalAmount() == amount
                                        ? new Opened(existing, false, null)
                                        : Opened.refused(Response.refused("ACQ.CONTEXT_INCONSISTENT", "交易信息被篡改"))));
    }

    private Mono<Map<String, Object>> query(JsonNode biz) {
        return trades.find(outTradeNo(biz))
                .flatMap(trade -> trades.refunded(trade.outTradeNo()).map(refunded -> {
                    Instant now = clock.instant();
                    Map<String, Object> response = Response.success();
                    response.put("trade_no", trade.tradeNo());
                    response.put("out_trade_no", trade.outTradeNo());
                    response.put("trade_status", trade.status(now));
                    response.put("total_amount", Yuan.of(trade.totalAmount()));
                    if (trade.paidAt() != null) {
                        response.put("buyer_logon_id", SandboxAlipayWallet.BUYER);
                        response.put("buyer_pay_amount", Yuan.of(trade.totalAmount()));
                        response.put("receipt_amount", Yuan.of(trade.totalAmount() - refunded));
                        response.put("send_pay_date", AlipayTime.format(trade.paidAt()));
                    }
                    return response;
                }))
                .defaultIfEmpty(Response.refused("ACQ.TRADE_NOT_EXIST", "交易不存在"));
    }

    private Mono<Map<String, Object>> close(JsonNode biz) {
        return trades.inTransaction(trades.lock(outTradeNo(biz))
                .flatMap(trade -> {
                    if (!trade.isWaiting(clock.instant())) {
                        return Mono.just(Response.refused("ACQ.TRADE_STATUS_ERROR", "交易状态不合法"));
                    }
                    return trades.update(trade.withStatus(TRADE_CLOSED, null)).map(closed -> {
                        Map<String, Object> response = Response.success();
                        response.put("trade_no", closed.tradeNo());
                        response.put("out_trade_no", closed.outTradeNo());
                        return response;
                    });
                })
                .defaultIfEmpty(Response.refused("ACQ.TRADE_NOT_EXIST", "交易不存在")));
    }

    /**
     * Refunds part or all of a paid trade under a request number; the same number again is answered
     * with the first refund. Refunds never add up to more than was paid; the last one closes the
     * trade, as Alipay closes a trade refunded in full.
     */
    private Mono<Map<String, Object>> refund(JsonNode biz) {
        String requestNo = biz.path("out_request_no").stringValue(null);
        long amount = fenOf(biz, "refund_amount");
        if (requestNo == null || requestNo.isBlank() || amount <= 0) {
            return Mono.just(Response.refused("ACQ.INVALID_PARAMETER", "参数无效"));
        }
        return trades.inTransaction(trades.lock(outTradeNo(biz))
                .flatMap(trade -> trades.refund(trade.outTradeNo(), requestNo)
                        .flatMap(earlier -> earlier == amount
                                ? refunded(trade, false)
                                : Mono.just(Response.refused("ACQ.DISCORDANT_REPEAT_REQUEST", "同一笔退款请求信息不一致")))
                        .switchIfEmpty(Mono.defer(() -> newRefund(trade, requestNo, amount))))
                .defaultIfEmpty(Response.refused("ACQ.TRADE_NOT_EXIST", "交易不存在")));
    }

    private Mono<Map<String, Object>> newRefund(SandboxAlipayTrade trade, String requestNo, long amount) {
        if (TRADE_FINISHED.equals(trade.status())) {
            return Mono.just(Response.refused("ACQ.TRADE_HAS_FINISHED", "交易已完结"));
        }
        if (!TRADE_SUCCESS.equals(trade.status())) {
            return Mono.just(Response.refused("ACQ.TRADE_STATUS_ERROR", "交易状态不合法"));
        }
        Instant now = clock.instant();
        return trades.refunded(trade.outTradeNo()).flatMap(before -> {
            if (before + amount > trade.totalAmount()) {
                return Mono.just(Response.refused("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限"));
            }
            Mono<SandboxAlipayTrade> after = before + amount == trade.totalAmount()
                    ? trades.update(trade.withStatus(TRADE_CLOSED, trade.paidAt()))
                    : Mono.just(trade);
            return trades.insertRefund(trade.outTradeNo(), requestNo, amount, now)
                    .then(after)
                    .flatMap(refundedTrade -> refunded(refundedTrade, true));
        });
    }

    private Mono<Map<String, Object>> refunded(SandboxAlipayTrade trade, boolean fundChange) {
        return trades.refunded(trade.outTradeNo()).map(total -> {
            Map<String, Object> response = Response.success();
            response.put("trade_no", trade.tradeNo());
            response.put("out_trade_no", trade.outTradeNo());
            response.put("buyer_logon_id", SandboxAlipayWallet.BUYER);
            response.put("fund_change", fundChange ? "Y" : "N");
            response.put("refund_fee", Yuan.of(total));
            return response;
        });
    }

    /** An amount in yuan as fen; 0 when it is missing or not an amount. */
    private static long fenOf(JsonNode biz, String field) {
        try {
            return Yuan.toFen(biz.path(field).stringValue(null));
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    private static String outTradeNo(JsonNode biz) {
        return biz.path("out_trade_no").stringValue("");
    }

    private Mono<String> answer(String method, Map<String, Object> response) {
        return Mono.just(signing.answer(method.isBlank() ? "error" : method, response));
    }

    /** Alipay's trade numbers: the date, then digits. */
    private static String newTradeNo(Instant now) {
        String date = LocalDate.ofInstant(now, AlipayTime.CHINA).format(DateTimeFormatter.BASIC_ISO_DATE);
        long digits = Math.floorMod(RANDOM.nextLong(), 10_000_000_000_000_000L);
        return date + "2200" + String.format("%016d", digits);
    }

    /** A trade found or made, or the refusal to make it. */
    private record Opened(SandboxAlipayTrade trade, boolean created, Map<String, Object> refusal) {

        static Opened refused(Map<String, Object> refusal) {
            return new Opened(null, false, refusal);
        }
    }

    /** Alipay's response objects. */
    private static final class Response {

        static Map<String, Object> success() {
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("code", "10000");
            response.put("msg", "Success");
            return response;
        }

        static Map<String, Object> refused(String subCode, String subMsg) {
            return error("40004", subCode, subMsg);
        }

        static Map<String, Object> error(String code, String subCode, String subMsg) {
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("code", code);
            response.put("msg", "40004".equals(code) ? "Business Failed" : "Invalid Arguments");
            response.put("sub_code", subCode);
            response.put("sub_msg", subMsg);
            return response;
        }
    }
}
