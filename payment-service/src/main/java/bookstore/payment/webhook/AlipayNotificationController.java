package bookstore.payment.webhook;

import bookstore.payment.payments.application.Payments;
import bookstore.payment.payments.application.RecordingProviderEvents;
import bookstore.payment.payments.application.UnknownPaymentException;
import bookstore.payment.provider.alipay.AlipayNotifications;
import bookstore.payment.provider.alipay.AlipayNotifications.InvalidNotificationException;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where Alipay posts its notifications ({@code application/x-www-form-urlencoded}). Alipay takes the
 * plain text {@code success} as "received" and delivers anything else again later (over about a
 * day, 4m, 10m, 10m, 1h, 2h, 6h, 15h). So {@code success} answers every notification that is taken,
 * also one taken before or one that no longer changes anything; {@code failure} with a 4xx answers
 * what is not Alipay's (a wrong signature or app) or does not fit the payment (another amount), and
 * one about a payment not on record yet, which a later delivery may find.
 */
@RestController
@Tag(name = "alipay-notifications", description = "Alipay's asynchronous notifications, verified with its RSA2 key")
class AlipayNotificationController {

    private static final Logger log = LoggerFactory.getLogger(AlipayNotificationController.class);

    static final String SUCCESS = "success";
    static final String FAILURE = "failure";

    private final AlipayNotifications notifications;
    private final Payments payments;
    private final RecordingProviderEvents recording;

    AlipayNotificationController(
            AlipayNotifications notifications, Payments payments, RecordingProviderEvents recording) {
        this.notifications = notifications;
        this.payments = payments;
        this.recording = recording;
    }

    @PostMapping(path = "/api/payments/webhooks/alipay", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<String>> receive(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, String> params = new LinkedHashMap<>();
            form.forEach((name, values) -> params.put(name, values.isEmpty() ? "" : values.getFirst()));
            var notification = notifications.read(params);
            var event = notification.event();
            if (event.paymentId() == null) {
                log.debug("Alipay notification {} is about a trade that is not ours", event.eventId());
                return Mono.just(text(HttpStatus.OK, SUCCESS));
            }
            return payments.findById(event.paymentId())
                    .flatMap(payment -> {
                        if (payment.amount().amount() != notification.totalAmount()) {
                            log.warn(
                                    "Refused Alipay notification {}: trade {} is for {} fen, payment {} for {}",
                                    event.eventId(),
                                    params.get("out_trade_no"),
                                    notification.totalAmount(),
                                    payment.id(),
                                    payment.amount());
                            return Mono.just(text(HttpStatus.UNPROCESSABLE_CONTENT, FAILURE));
                        }
                        return recording.record(event).map(outcome -> {
                            log.debug("Alipay notification {} ({}): {}", event.eventId(), event.type(), outcome);
                            return text(HttpStatus.OK, SUCCESS);
                        });
                    })
                    // Not on record (yet): a later delivery may find it.
                    .defaultIfEmpty(text(HttpStatus.NOT_FOUND, FAILURE));
        });
    }

    @ExceptionHandler(InvalidNotificationException.class)
    ResponseEntity<String> onInvalid(InvalidNotificationException e) {
        log.warn("Refused an Alipay notification: {}", e.getMessage());
        return text(HttpStatus.BAD_REQUEST, FAILURE);
    }

    @ExceptionHandler(UnknownPaymentException.class)
    ResponseEntity<String> onUnknownPayment() {
        return text(HttpStatus.NOT_FOUND, FAILURE);
    }

    private static ResponseEntity<String> text(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(body);
    }
}
