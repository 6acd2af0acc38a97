package bookstore.payment.provider.sandbox;

import bookstore.payment.webhook.StripeEventFormat;
import bookstore.payment.webhook.WebhookEndpoint;
import bookstore.payment.webhook.WebhookSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers the sandbox's webhook events as Stripe does: a real HTTP POST of the event in Stripe's
 * format, signed with the endpoint's secret, and delivered again with growing pauses until the
 * receiver answers 2xx (Stripe keeps trying for days; the sandbox for a bounded number of attempts).
 * Each attempt is signed afresh, so a late retry is not refused as too old.
 */
class SandboxWebhooks {

    private static final Logger log = LoggerFactory.getLogger(SandboxWebhooks.class);

    private final WebhookEndpoint endpoint;
    private final Supplier<URI> target;
    private final SandboxProperties properties;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    SandboxWebhooks(WebhookEndpoint endpoint, Supplier<URI> target, SandboxProperties properties, Clock clock) {
        this.endpoint = endpoint;
        this.target = target;
        this.properties = properties;
        this.clock = clock;
    }

    WebhookEndpoint endpoint() {
        return endpoint;
    }

    /** Sends the event in the background; the caller does not wait for the receiver. */
    void send(String type, SandboxIntent intent) {
        send(type, intent, Duration.ZERO);
    }

    /** Sends the event in the background once {@code delay} has passed. */
    void send(String type, SandboxIntent intent, Duration delay) {
        byte[] payload = json.writeValueAsBytes(event(type, intent));
        Mono.delay(delay)
                .then(deliver(payload)
                        .retryWhen(Retry.backoff(properties.webhookAttempts() - 1L, properties.webhookBackOff())
                                .maxBackoff(Duration.ofSeconds(10))))
                .subscribe(
                        delivered -> {},
                        failure -> log.warn(
                                "Sandbox gave up delivering {} for {} after {} attempts",
                                type,
                                intent.id(),
                                properties.webhookAttempts(),
                                failure));
    }

    private Mono<Integer> deliver(byte[] payload) {
        return Mono.defer(() -> {
                    String signature =
                            WebhookSignature.header(clock.instant().getEpochSecond(), payload, endpoint.secret());
                    HttpRequest request = HttpRequest.newBuilder(target.get())
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json; charset=utf-8")
                            .header(WebhookSignature.HEADER, signature)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
                            .build();
                    return Mono.fromFuture(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()));
                })
                .flatMap(response -> response.statusCode() / 100 == 2
                        ? Mono.just(response.statusCode())
                        : Mono.error(new IllegalStateException("webhook answered " + response.statusCode())));
    }

    private Map<String, Object> event(String type, SandboxIntent intent) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put(StripeEventFormat.PAYMENT_ID, intent.paymentId());
        metadata.put(StripeEventFormat.ORDER_ID, intent.orderId());

        Map<String, Object> object = new LinkedHashMap<>();
        object.put("id", intent.id());
        object.put("object", "payment_intent");
        object.put("amount", intent.amount());
        object.put("currency", intent.currency().toLowerCase(Locale.ROOT));
        object.put("status", intent.status());
        object.put("payment_method", intent.paymentMethod());
        object.put("created", intent.createdAt().getEpochSecond());
        object.put("livemode", false);
        object.put("metadata", metadata);
        object.put("last_payment_error", lastPaymentError(intent));

        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", "evt_sbx_" + UUID.randomUUID().toString().replace("-", ""));
        event.put("object", "event");
        event.put("api_version", "sandbox");
        event.put("created", clock.instant().getEpochSecond());
        event.put("livemode", false);
        event.put("type", type);
        event.put("data", Map.of("object", object));
        return event;
    }

    /** The error as Stripe reports it: a card error with a decline code, or an invalid request. */
    private static Map<String, Object> lastPaymentError(SandboxIntent intent) {
        if (intent.declineReason() == null) {
            return null;
        }
        Map<String, Object> error = new LinkedHashMap<>();
        if (SandboxCards.UNKNOWN_METHOD.equals(intent.declineReason())) {
            error.put("type", "invalid_request_error");
            error.put("code", SandboxCards.UNKNOWN_METHOD);
        } else {
            error.put("type", "card_error");
            error.put("code", "card_declined");
            error.put(
                    "decline_code",
                    "card_declined".equals(intent.declineReason()) ? "generic_decline" : intent.declineReason());
        }
        return error;
    }
}
