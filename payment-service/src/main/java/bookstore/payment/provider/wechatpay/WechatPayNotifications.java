package bookstore.payment.provider.wechatpay;

import bookstore.payment.payments.application.ProviderEvent;
import bookstore.payment.payments.domain.ProviderAnswer;
import bookstore.payment.provider.TradeNumbers;
import com.wechat.pay.java.core.notification.NotificationConfig;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.core.notification.RequestParam;
import com.wechat.pay.java.service.payments.model.Transaction;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads WeChat Pay's payment notifications ({@code TRANSACTION.SUCCESS}): the signature over {@code
 * timestamp\nnonce\nbody\n} checked with the platform key named by {@code Wechatpay-Serial}, the
 * resource decrypted with the API v3 key (AEAD_AES_256_GCM), both by the SDK's {@link
 * NotificationParser}. The SDK does not look at the time, so a notification signed more than five
 * minutes from now is refused here: a captured one cannot be replayed later. What it tells must be
 * about this merchant's orders.
 */
public final class WechatPayNotifications {

    /** How far a notification's timestamp may be from now, as WeChat Pay checks its own responses. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final String TRANSACTION = "TRANSACTION.";

    private final NotificationParser parser;
    private final WechatPayMerchant merchant;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    public WechatPayNotifications(NotificationConfig config, WechatPayMerchant merchant, Clock clock) {
        this.parser = new NotificationParser(config);
        this.merchant = merchant;
        this.clock = clock;
    }

    /**
     * @throws InvalidNotificationException if the notification is not WeChat Pay's, not recent, not
     *     readable or not about this merchant
     */
    public Notified read(Headers headers, String body) {
        if (headers.timestamp() == null
                || headers.nonce() == null
                || headers.signature() == null
                || headers.serial() == null) {
            throw new InvalidNotificationException("the Wechatpay-* signature headers are missing");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(headers.timestamp());
        } catch (NumberFormatException e) {
            throw new InvalidNotificationException("Wechatpay-Timestamp is not a number");
        }
        if (Math.abs(clock.instant().getEpochSecond() - timestamp) > TOLERANCE.toSeconds()) {
            throw new InvalidNotificationException("Wechatpay-Timestamp is more than 5 minutes from now");
        }
        JsonNode envelope;
        try {
            envelope = json.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidNotificationException("the notification is not JSON");
        }
        String id = envelope.path("id").stringValue(null);
        String type = envelope.path("event_type").stringValue(null);
        if (id == null || type == null) {
            throw new InvalidNotificationException("the notification has no id or event_type");
        }
        if (!type.startsWith(TRANSACTION)) {
            // Another kind (a refund's, if the merchant platform sends them): verified, then taken as
            // news payments do not act on, so that WeChat Pay does not send it again and again.
            verified(headers, body, Map.class);
            return new Notified(new ProviderEvent(WechatPayProvider.NAME, id, type, null, null), 0);
        }
        Transaction transaction = verified(headers, body, Transaction.class);
        if (transaction == null
                || transaction.getOutTradeNo() == null
                || transaction.getTradeState() == null
                || transaction.getAmount() == null
                || transaction.getAmount().getTotal() == null) {
            throw new InvalidNotificationException("the notification's transaction is incomplete");
        }
        if (!merchant.merchantId().equals(transaction.getMchid())
                || !merchant.appId().equals(transaction.getAppid())) {
            throw new InvalidNotificationException("the notification is about another merchant's order");
        }
        ProviderAnswer answer = WechatPayProvider.answerOf(transaction);
        var event = new ProviderEvent(
                WechatPayProvider.NAME,
                id,
                type,
                TradeNumbers.paymentIdOf(transaction.getOutTradeNo()),
                answer.isOutcome() ? answer : null);
        return new Notified(event, transaction.getAmount().getTotal());
    }

    /** The resource, once the signature checks out and it decrypts with the API v3 key. */
    private <T> T verified(Headers headers, String body, Class<T> resource) {
        try {
            return parser.parse(
                    new RequestParam.Builder()
                            .serialNumber(headers.serial())
                            .nonce(headers.nonce())
                            .signature(headers.signature())
                            .timestamp(headers.timestamp())
                            .signType(headers.signatureType())
                            .body(body)
                            .build(),
                    resource);
        } catch (RuntimeException e) {
            // The SDK's ValidationException, DecryptionException, MalformedMessageException, and Gson's
            // parse errors on a body that is not a notification: what cannot be read is not believed.
            throw new InvalidNotificationException("the notification does not verify or decrypt");
        }
    }

    /** The notification's {@code Wechatpay-*} headers; the signature type may be absent (RSA then). */
    public record Headers(String serial, String signature, String timestamp, String nonce, String signatureType) {}

    /**
     * A verified notification.
     *
     * @param total what the order cost, in fen, as WeChat Pay says (0 for news not about an order)
     */
    public record Notified(ProviderEvent event, long total) {}

    /** Not a notification to believe. */
    public static final class InvalidNotificationException extends RuntimeException {

        InvalidNotificationException(String message) {
            super(message);
        }
    }
}
