package bookstore.payment.provider.sandbox.wechatpay;

import bookstore.payment.provider.sandbox.wechatpay.SandboxWechatPayLedger.Reply;
import bookstore.payment.provider.wechatpay.WechatPayAccount;
import bookstore.payment.provider.wechatpay.WechatPayConfigured;
import bookstore.payment.provider.wechatpay.WechatPayMerchant;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeChat Pay's API v3 as the sandbox plays it, under {@value #PATH}: Native 下单, 查询订单 by {@code
 * out_trade_no}, 关闭订单 and 申请退款, in WeChat Pay's documented JSON. Each request must carry the
 * merchant's valid {@code Authorization} (else 401 SIGN_ERROR) and each response is signed with the
 * platform key, so the SDK checks the sandbox exactly as it checks WeChat Pay. Refusals are WeChat
 * Pay's {@code {"code","message"}} with its status codes.
 */
@RestController
@RequestMapping(SandboxWechatPayApi.PATH)
@Conditional(WechatPayConfigured.Not.class)
@Tag(
        name = "sandbox-wechat-pay",
        description = "The built-in sandbox playing WeChat Pay's API, where WeChat Pay is not configured")
class SandboxWechatPayApi {

    static final String PATH = "/api/payments/sandbox/wechatpay";

    /** How long a Native order's code_url is valid when the order does not say (WeChat Pay: 2 hours). */
    private static final Duration DEFAULT_EXPIRY = Duration.ofHours(2);

    private final SandboxWechatPayLedger ledger;
    private final SandboxWechatPayKeys keys;
    private final WechatPayMerchant merchant;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    SandboxWechatPayApi(
            SandboxWechatPayLedger ledger, SandboxWechatPayKeys keys, WechatPayAccount account, Clock clock) {
        this.ledger = ledger;
        this.keys = keys;
        this.merchant = account.merchant();
        this.clock = clock;
    }

    @PostMapping("/v3/pay/transactions/native")
    Mono<ResponseEntity<byte[]>> prepay(
            ServerHttpRequest request,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) String body) {
        return signed(request, authorization, body, order -> {
            if (!merchant.merchantId().equals(order.path("mchid").stringValue(null))) {
                return Mono.just(Reply.error(400, "MCH_NOT_EXISTS", "商户号不存在"));
            }
            if (!merchant.appId().equals(order.path("appid").stringValue(null))) {
                return Mono.just(Reply.error(400, "APPID_MCHID_NOT_MATCH", "appid和mch_id不匹配"));
            }
            String outTradeNo = order.path("out_trade_no").stringValue("");
            String description = order.path("description").stringValue("");
            String notifyUrl = order.path("notify_url").stringValue("");
            long total = order.path("amount").path("total").asLong(0);
            if (!outTradeNo.matches("[A-Za-z0-9_\\-*|]{6,32}")
                    || description.isBlank()
                    || description.length() > 127
                    || !notifyUrl.matches("https?://.+")
                    || total <= 0) {
                return Mono.just(Reply.error(400, "PARAM_ERROR", "参数错误"));
            }
            Instant timeExpire;
            try {
                String expiry = order.path("time_expire").stringValue(null);
                timeExpire = expiry == null
                        ? clock.instant().plus(DEFAULT_EXPIRY)
                        : OffsetDateTime.parse(expiry).toInstant();
            } catch (DateTimeParseException e) {
                return Mono.just(Reply.error(400, "PARAM_ERROR", "time_expire格式错误"));
            }
            return ledger.prepay(new SandboxWechatPayOrder(
                    outTradeNo,
                    merchant.appId(),
                    merchant.merchantId(),
                    description,
                    order.path("attach").stringValue(null),
                    total,
                    order.path("amount").path("currency").stringValue("CNY"),
                    notifyUrl,
                    timeExpire,
                    SandboxWechatPayOrder.NOTPAY,
                    null,
                    null,
                    null));
        });
    }

    @GetMapping("/v3/pay/transactions/out-trade-no/{outTradeNo}")
    Mono<ResponseEntity<byte[]>> query(
            ServerHttpRequest request,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable String outTradeNo) {
        return signed(request, authorization, "", ignored -> {
            if (!merchant.merchantId().equals(request.getQueryParams().getFirst("mchid"))) {
                return Mono.just(Reply.error(400, "PARAM_ERROR", "mchid与请求不符"));
            }
            return ledger.find(outTradeNo)
                    .map(order -> Reply.ok(order.transaction()))
                    .defaultIfEmpty(Reply.error(404, "ORDER_NOT_EXIST", "订单不存在"));
        });
    }

    @PostMapping("/v3/pay/transactions/out-trade-no/{outTradeNo}/close")
    Mono<ResponseEntity<byte[]>> close(
            ServerHttpRequest request,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable String outTradeNo,
            @RequestBody(required = false) String body) {
        return signed(request, authorization, body, close -> {
            if (!merchant.merchantId().equals(close.path("mchid").stringValue(null))) {
                return Mono.just(Reply.error(400, "PARAM_ERROR", "mchid与请求不符"));
            }
            return ledger.close(outTradeNo);
        });
    }

    @PostMapping("/v3/refund/domestic/refunds")
    Mono<ResponseEntity<byte[]>> refund(
            ServerHttpRequest request,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) String body) {
        return signed(request, authorization, body, refund -> {
            String outTradeNo = refund.path("out_trade_no").stringValue("");
            String outRefundNo = refund.path("out_refund_no").stringValue("");
            JsonNode amount = refund.path("amount");
            if (outTradeNo.isBlank()
                    || !outRefundNo.matches("[A-Za-z0-9_\\-*|@]{1,64}")
                    || !amount.path("refund").canConvertToLong()
                    || !amount.path("total").canConvertToLong()) {
                return Mono.just(Reply.error(400, "PARAM_ERROR", "参数错误"));
            }
            return ledger.refund(
                    outTradeNo,
                    outRefundNo,
                    amount.path("refund").asLong(),
                    amount.path("total").asLong(),
                    amount.path("currency").stringValue("CNY"));
        });
    }

    /**
     * Answers a request that carries the merchant's signature (over the path the merchant signed,
     * which is this one without the sandbox's prefix), with a response signed by the platform.
     */
    private Mono<ResponseEntity<byte[]>> signed(
            ServerHttpRequest request, String authorization, String body, Function<JsonNode, Mono<Reply>> handler) {
        String text = body == null ? "" : body;
        String path = request.getURI().getRawPath().substring(PATH.length());
        String query = request.getURI().getRawQuery();
        String canonicalUrl = query == null ? path : path + "?" + query;
        if (!keys.authorizes(
                request.getMethod().name(),
                canonicalUrl,
                text,
                authorization,
                merchant.merchantId(),
                clock.instant())) {
            return Mono.just(response(Reply.error(401, "SIGN_ERROR", "签名错误")));
        }
        JsonNode parsed;
        try {
            parsed = text.isBlank() ? json.createObjectNode() : json.readTree(text);
        } catch (JacksonException e) {
            return Mono.just(response(Reply.error(400, "PARAM_ERROR", "请求体不是JSON")));
        }
        return handler.apply(parsed).map(this::response);
    }

    private ResponseEntity<byte[]> response(Reply reply) {
        String body = reply.body() == null ? "" : json.writeValueAsString(reply.body());
        var response = ResponseEntity.status(reply.status());
        keys.sign(body, clock.instant()).forEach(response::header);
        response.header("Request-ID", UUID.randomUUID().toString());
        if (reply.body() == null) {
            return response.build();
        }
        return response.contentType(MediaType.APPLICATION_JSON).body(body.getBytes(StandardCharsets.UTF_8));
    }
}
