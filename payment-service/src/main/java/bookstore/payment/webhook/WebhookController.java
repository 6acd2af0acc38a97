package bookstore.payment.webhook;

import bookstore.payment.payments.application.RecordingProviderEvents;
import bookstore.payment.payments.application.UnknownPaymentException;
import bookstore.payment.webhook.StripeEventFormat.MalformedEventException;
import bookstore.payment.webhook.WebhookSignature.InvalidSignatureException;
import bookstore.platform.web.Problems;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Where providers report on charges. Open to the internet (no token), so nothing is believed before
 * its signature checks out against the raw bytes received. A 2xx tells the provider the event is
 * taken; anything else makes it deliver the event again later.
 */
@RestController
@Tag(name = "webhooks", description = "Stripe's and the sandbox's signed webhooks")
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final Map<String, WebhookEndpoint> endpoints;
    private final WebhookSignature signatures;
    private final StripeEventFormat format = new StripeEventFormat();
    private final RecordingProviderEvents recording;

    WebhookController(List<WebhookEndpoint> endpoints, WebhookSignature signatures, RecordingProviderEvents recording) {
        this.endpoints = endpoints.stream().collect(Collectors.toMap(WebhookEndpoint::provider, Function.identity()));
        this.signatures = signatures;
        this.recording = recording;
    }

    @PostMapping("/api/payments/webhooks/{provider}")
    Mono<Map<String, Object>> receive(
            @PathVariable String provider,
            @RequestHeader(name = WebhookSignature.HEADER, required = false) String signature,
            @RequestBody byte[] payload) {
        WebhookEndpoint endpoint = endpoints.get(provider);
        if (endpoint == null) {
            return Mono.error(new UnknownProviderException());
        }
        signatures.verify(payload, signature, endpoint.secret());
        var event = format.read(provider, payload);
        return recording.record(event).map(outcome -> {
            log.debug("Webhook event {} ({}) from {}: {}", event.eventId(), event.type(), provider, outcome);
            return Map.of("received", true, "outcome", outcome.name().toLowerCase());
        });
    }

    @ExceptionHandler(InvalidSignatureException.class)
    ProblemDetail onInvalidSignature(InvalidSignatureException e) {
        log.warn("Refused a webhook: {}", e.getMessage());
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-signature", "Invalid signature", e.getMessage() + ".");
    }

    @ExceptionHandler(MalformedEventException.class)
    ProblemDetail onMalformedEvent(MalformedEventException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "malformed-event", "Malformed event", e.getMessage() + ".");
    }

    @ExceptionHandler(UnknownPaymentException.class)
    ProblemDetail onUnknownPayment(UnknownPaymentException e) {
        return Problems.of(
                HttpStatus.NOT_FOUND,
                "unknown-payment",
                "Unknown payment",
                "The event is about a payment that is not on record; deliver it again later.");
    }

    @ExceptionHandler(UnknownProviderException.class)
    ProblemDetail onUnknownProvider() {
        return Problems.of(
                HttpStatus.NOT_FOUND,
                "unknown-provider",
                "Unknown provider",
                "This service takes no webhooks from that provider.");
    }

    private static final class UnknownProviderException extends RuntimeException {}
}
