package bookstore.payment.provider.sandbox.wechatpay;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notifies the shop of a paid order as WeChat Pay does (支付结果通知): a real HTTP POST to the order's
 * {@code notify_url} of {@code {id, create_time, event_type: TRANSACTION.SUCCESS, resource_type:
 * encrypt-resource, resource: {algorithm, ciphertext, associated_data, nonce}, summary}}, the
 * transaction encrypted with the API v3 key and the request signed with the platform key, delivered
 * again with growing pauses until answered 2xx. Each attempt is signed afresh, so a late one is not
 * refused as stale; every attempt carries the same notification id.
 */
class SandboxWechatPayNotifier {

    private static final Logger log = LoggerFactory.getLogger(SandboxWechatPayNotifier.class);

    private final SandboxWechatPayKeys keys;
    private final SandboxWechatPayProperties properties;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    SandboxWechatPayNotifier(SandboxWechatPayKeys keys, SandboxWechatPayProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    /** Sends the notification in the background; the payer does not wait for the shop. */
    void paid(SandboxWechatPayOrder order, Duration delay) {
        String body = notification(order);
        Mono.delay(delay)
                .then(deliver(URI.create(order.notifyUrl()), body))
                .retryWhen(Retry.backoff(properties.notifyAttempts() - 1L, properties.notifyBackOff())
                        .maxBackoff(Duration.ofSeconds(10)))
                .subscribe(
                        delivered -> {},
                        failure -> log.warn(
                                "Sandbox WeChat Pay gave up notifying {} of {} after {} attempts",
                                order.notifyUrl(),
                                order.outTradeNo(),
                                properties.notifyAttempts(),
                                failure));
    }

    String notification(SandboxWechatPayOrder order) {
        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("id", UUID.randomUUID().toString());
        notification.put("create_time", SandboxWechatPayOrder.rfc3339(clock.instant()));
        notification.put("resource_type", "encrypt-resource");
        notification.put("event_type", "TRANSACTION.SUCCESS");
        notification.put("summary", "支付成功");
        notification.put(
                "resource", keys.encrypt(json.writeValueAsString(order.transaction()), "transaction", "transaction"));
        return json.writeValueAsString(notification);
    }

    private Mono<Integer> deliver(URI target, String body) {
        return Mono.defer(() -> {
                    var request = HttpRequest.newBuilder(target)
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json");
                    keys.sign(body, clock.instant()).forEach(request::header);
                    return Mono.fromFuture(() -> http.sendAsync(
                            request.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding()));
                })
                .flatMap(response -> response.statusCode() / 100 == 2
                        ? Mono.just(response.statusCode())
                        : Mono.error(new IllegalStateException("notify_url answered " + response.statusCode())));
    }
}
