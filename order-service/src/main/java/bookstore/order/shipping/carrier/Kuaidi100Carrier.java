package bookstore.order.shipping.carrier;

import bookstore.order.shipping.application.Carrier;
import bookstore.order.shipping.domain.TrackedShipment;
import bookstore.order.shipping.domain.TrackingReport;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kuaidi100's subscription service (快递信息推送服务). Subscribing posts the form {@code schema=json}
 * and {@code param={company, number, to, key, parameters: {callbackurl, salt, resultv2}}} to
 * {@code https://poll.kuaidi100.com/poll}; Kuaidi100 answers {@code {"result": true, "returnCode":
 * "200", "message": "提交成功"}}, or {@code result: false} with a code: 501 (重复订阅) means it tracks
 * the parcel already, which is as good; any other code (500 server error, 600/601 key problems, 700
 * unknown company…) is a failure, and the subscription is tried again later. Its pushes come to the
 * callback endpoint in {@link Kuaidi100Format}.
 */
class Kuaidi100Carrier implements Carrier {

    static final String NAME = "kuaidi100";

    /** resultv2=1: every timeline entry carries its state name and its place (行政区域解析). */
    private static final String RESULT_V2 = "1";

    private static final String DUPLICATE_SUBSCRIPTION = "501";

    private final Kuaidi100Properties properties;
    private final Kuaidi100Format format = new Kuaidi100Format();
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Kuaidi100Carrier(Kuaidi100Properties properties) {
        this.properties = properties;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Mono<Void> subscribe(TrackedShipment shipment) {
        return Mono.defer(() -> {
                    String body = "schema=json&param=" + URLEncoder.encode(param(shipment), StandardCharsets.UTF_8);
                    HttpRequest request = HttpRequest.newBuilder(properties.url())
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                            .build();
                    return Mono.fromFuture(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
                })
                .flatMap(response -> {
                    if (response.statusCode() / 100 != 2) {
                        return Mono.error(
                                new SubscriptionRefusedException("HTTP " + response.statusCode(), response.body()));
                    }
                    JsonNode answer = json.readTree(response.body());
                    String code = answer.path("returnCode").asString("");
                    if (answer.path("result").asBoolean(false) || DUPLICATE_SUBSCRIPTION.equals(code)) {
                        return Mono.empty();
                    }
                    return Mono.error(new SubscriptionRefusedException(
                            code, answer.path("message").asString("")));
                });
    }

    /** The subscription's param as Kuaidi100 documents it; company codes are lower case. */
    String param(TrackedShipment shipment) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("callbackurl", properties.callbackUrl().toString());
        parameters.put("salt", properties.salt());
        parameters.put("resultv2", RESULT_V2);
        Map<String, Object> param = new LinkedHashMap<>();
        param.put("company", shipment.company().toLowerCase(Locale.ROOT));
        param.put("number", shipment.trackingNumber());
        if (shipment.destination() != null) {
            param.put("to", shipment.destination());
        }
        param.put("key", properties.key());
        param.put("parameters", parameters);
        return json.writeValueAsString(param);
    }

    @Override
    public TrackingReport read(Map<String, String> form) {
        return format.read(form, properties.salt());
    }

    @Override
    public Map<String, Object> acknowledgement() {
        return Kuaidi100Format.ACKNOWLEDGEMENT;
    }

    /** Kuaidi100 did not take the subscription. */
    static final class SubscriptionRefusedException extends RuntimeException {

        SubscriptionRefusedException(String code, String message) {
            super("Kuaidi100 refused the subscription: " + code + " " + message);
        }
    }
}
