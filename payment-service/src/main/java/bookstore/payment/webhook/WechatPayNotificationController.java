package bookstore.payment.webhook;

import bookstore.payment.payments.application.Payments;
import bookstore.payment.payments.application.RecordingProviderEvents;
import bookstore.payment.payments.application.UnknownPaymentException;
import bookstore.payment.provider.wechatpay.WechatPayNotifications;
import bookstore.payment.provider.wechatpay.WechatPayNotifications.InvalidNotificationException;
import bookstore.payment.provider.wechatpay.WechatPayProvider;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Where WeChat Pay posts payment notifications (支付结果通知). Open to the internet, so nothing is
 * believed before it verifies. Answered as WeChat Pay expects: 204 when taken (a duplicate, or one
 * that no longer changes anything, too), otherwise 4xx with {@code {"code":"FAIL","message":…}},
 * which makes WeChat Pay notify again later.
 */
@RestController
@Tag(name = "wechat-pay-notifications", description = "WeChat Pay's notifications, verified and decrypted")
class WechatPayNotificationController {

    private static final Logger log = LoggerFactory.getLogger(WechatPayNotificationController.class);

    private final WechatPayNotifications notifications;
    private final Payments payments;
    private final RecordingProviderEvents recording;

    WechatPayNotificationController(
            WechatPayNotifications notifications, Payments payments, RecordingProviderEvents recording) {
        this.notifications = notifications;
        this.payments = payments;
        this.recording = recording;
    }

    @PostMapping("/api/payments/webhooks/" + WechatPayProvider.NAME)
    Mono<ResponseEntity<Map<String, String>>> receive(
            @RequestHeader(name = "Wechatpay-Serial", required = false) String serial,
            @RequestHeader(name = "Wechatpay-Signature", required = false) String signature,
            @RequestHeader(name = "Wechatpay-Timestamp", required = false) String timestamp,
            @RequestHeader(name = "Wechatpay-Nonce", required = false) String nonce,
            @RequestHeader(name = "Wechatpay-Signature-Type", required = false) String signatureType,
            @RequestBody(required = false) byte[] body) {
        var notified = notifications.read(
                new WechatPayNotifications.Headers(serial, signature, timestamp, nonce, signatureType),
                body == null ? "" : new String(body, StandardCharsets.UTF_8));
        var event = notified.event();
        Mono<Boolean> amountMatches = event.paymentId() == null
                ? Mono.just(true)
                : payments.findById(event.paymentId())
                        .map(payment -> payment.state().amount().amount() == notified.total())
                        // Not on record: the recording says so and WeChat Pay notifies again later.
                        .defaultIfEmpty(true);
        return amountMatches.flatMap(matches -> {
            if (!matches) {
                log.warn("Refused a WeChat Pay notification for {}: the amount is not the order's", event.paymentId());
                return Mono.just(fail(HttpStatus.BAD_REQUEST, "the amount is not the order's"));
            }
            return recording.record(event).map(outcome -> {
                log.debug("WeChat Pay notification {} ({}): {}", event.eventId(), event.type(), outcome);
                return ResponseEntity.noContent().<Map<String, String>>build();
            });
        });
    }

    @ExceptionHandler(InvalidNotificationException.class)
    ResponseEntity<Map<String, String>> onInvalid(InvalidNotificationException e) {
        log.warn("Refused a WeChat Pay notification: {}", e.getMessage());
        return fail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(UnknownPaymentException.class)
    ResponseEntity<Map<String, String>> onUnknownPayment() {
        return fail(HttpStatus.NOT_FOUND, "the order is not on record yet");
    }

    private static ResponseEntity<Map<String, String>> fail(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("code", "FAIL", "message", message));
    }
}
