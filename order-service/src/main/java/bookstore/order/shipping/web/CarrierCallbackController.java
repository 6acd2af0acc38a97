package bookstore.order.shipping.web;

import bookstore.order.shipping.application.CallbackRefusedException;
import bookstore.order.shipping.application.RecordingTracking;
import bookstore.order.shipping.application.UnknownCarrierException;
import bookstore.platform.web.Problems;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where carriers push tracking updates, as a form ({@code param}, {@code sign}). Open to the
 * internet without a token: nothing is believed before the signature checks out. The answer is the
 * one the carrier expects ({@code {"result":true,"returnCode":"200","message":"成功"}}); a refused
 * callback gets a 4xx problem and changes nothing.
 */
@RestController
@Tag(name = "carrier-callbacks", description = "The carrier's signed tracking pushes")
class CarrierCallbackController {

    private static final Logger log = LoggerFactory.getLogger(CarrierCallbackController.class);

    private final RecordingTracking recording;

    CarrierCallbackController(RecordingTracking recording) {
        this.recording = recording;
    }

    @PostMapping(path = "/api/shipping/callbacks/{carrier}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Map<String, Object>> receive(@PathVariable String carrier, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> recording.record(carrier, form.toSingleValueMap()));
    }

    @ExceptionHandler
    ProblemDetail onRefused(CallbackRefusedException e) {
        log.warn("Refused a carrier callback: {}", e.getMessage());
        return e.forged()
                ? Problems.of(HttpStatus.BAD_REQUEST, "invalid-signature", "Invalid signature", e.getMessage() + ".")
                : Problems.of(HttpStatus.BAD_REQUEST, "malformed-callback", "Malformed callback", e.getMessage() + ".");
    }

    @ExceptionHandler
    ProblemDetail onUnknownCarrier(UnknownCarrierException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "unknown-carrier", "Unknown carrier", e.getMessage());
    }
}
