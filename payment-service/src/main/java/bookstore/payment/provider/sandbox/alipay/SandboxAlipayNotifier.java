package bookstore.payment.provider.sandbox.alipay;

import bookstore.payment.provider.alipay.AlipayTime;
import bookstore.payment.provider.alipay.Yuan;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Sends the sandbox Alipay's asynchronous notifications as Alipay does: a form POST to the trade's
 * {@code notify_url} with the trade's parameters, signed with Alipay's key, delivered again with
 * growing pauses (and the same {@code notify_id}) until the receiver answers the plain text {@code
 * success}. Alipay keeps trying for a day; the sandbox for a bounded number of attempts.
 */
class SandboxAlipayNotifier {

    private static final Logger log = LoggerFactory.getLogger(SandboxAlipayNotifier.class);

    private final SandboxAlipaySigning signing;
    private final Clock clock;
    private final int attempts;
    private final Duration backOff;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    SandboxAlipayNotifier(SandboxAlipaySigning signing, Clock clock, int attempts, Duration backOff) {
        this.signing = signing;
        this.clock = clock;
        this.attempts = attempts;
        this.backOff = backOff;
    }

    /** Notifies the trade's status in the background; nothing is sent for a trade without notify_url. */
    void tradeStatus(SandboxAlipayTrade trade, Duration delay) {
        if (trade.notifyUrl() == null) {
            return;
        }
        String form = form(signed(parameters(trade)));
        Mono.delay(delay)
                .then(deliver(URI.create(trade.notifyUrl()), form))
                .retryWhen(Retry.backoff(attempts - 1L, backOff).maxBackoff(Duration.ofSeconds(10)))
                .subscribe(
                        delivered -> {},
                        failure -> log.warn(
                                "Sandbox Alipay gave up notifying trade {} after {} attempts",
                                trade.outTradeNo(),
                                attempts,
                                failure));
    }

    /** A notification's parameters as Alipay sends them for the trade now, unsigned. */
    Map<String, String> parameters(SandboxAlipayTrade trade) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("notify_time", AlipayTime.format(clock.instant()));
        params.put("notify_type", "trade_status_sync");
        params.put("notify_id", UUID.randomUUID().toString().replace("-", ""));
        params.put("charset", SandboxAlipaySigning.CHARSET);
        params.put("version", "1.0");
        params.put("sign_type", SandboxAlipaySigning.SIGN_TYPE);
        params.put("app_id", trade.appId());
        params.put("auth_app_id", trade.appId());
        params.put("trade_no", trade.tradeNo());
        params.put("out_trade_no", trade.outTradeNo());
        params.put("trade_status", trade.status(clock.instant()));
        params.put("total_amount", Yuan.of(trade.totalAmount()));
        params.put("subject", trade.subject());
        params.put("gmt_create", AlipayTime.format(trade.createdAt()));
        if (trade.paidAt() != null) {
            params.put("buyer_logon_id", SandboxAlipayWallet.BUYER);
            params.put("receipt_amount", Yuan.of(trade.totalAmount()));
            params.put("buyer_pay_amount", Yuan.of(trade.totalAmount()));
            params.put("gmt_payment", AlipayTime.format(trade.paidAt()));
        }
        return params;
    }

    /** The parameters with their {@code sign}. */
    Map<String, String> signed(Map<String, String> params) {
        Map<String, String> signed = new LinkedHashMap<>(params);
        signed.put("sign", signing.signNotification(params));
        return signed;
    }

    private Mono<String> deliver(URI target, String form) {
        return Mono.defer(() -> {
                    HttpRequest request = HttpRequest.newBuilder(target)
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build();
                    return Mono.fromFuture(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
                })
                .flatMap(response -> "success".equals(response.body().trim())
                        ? Mono.just(response.body())
                        : Mono.error(new IllegalStateException(
                                "notification answered " + response.statusCode() + " " + response.body())));
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
