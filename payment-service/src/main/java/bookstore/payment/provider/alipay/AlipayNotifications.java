package bookstore.payment.provider.alipay;

import bookstore.payment.payments.application.ProviderEvent;
import bookstore.payment.payments.domain.ProviderAnswer;
import bookstore.payment.provider.TradeNumbers;
import com.alipay.api.AlipayApiException;
import com.alipay.api.internal.util.AlipaySignature;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads Alipay's asynchronous notifications (异步通知): form parameters signed with Alipay's private
 * key over all of them but {@code sign} and {@code sign_type}, sorted by name ({@link
 * AlipaySignature#rsaCheckV1}). Nothing in one is believed before that signature checks out against
 * Alipay's public key and the notification is addressed to our app.
 *
 * <p>{@code trade_status} is what it tells: {@code TRADE_SUCCESS} and {@code TRADE_FINISHED} (no
 * more refunds possible) that the trade was paid, {@code TRADE_CLOSED} that it closed unpaid, and
 * {@code WAIT_BUYER_PAY} that it waits. A trade that closes because it was refunded in full is
 * reported {@code TRADE_CLOSED} too, with the refund's {@code gmt_refund}: that is not about the
 * charge, whose refunds are recorded from the refund calls' answers.
 */
public final class AlipayNotifications {

    private final String appId;
    private final String alipayPublicKey;

    public AlipayNotifications(AlipayAccount account) {
        this.appId = account.appId();
        this.alipayPublicKey = account.alipayPublicKey();
    }

    /**
     * A verified notification: the event for the payments, and the amount the trade is for (fen).
     */
    public record Notification(ProviderEvent event, long totalAmount) {}

    /**
     * @throws InvalidNotificationException if it is not signed by Alipay, not for our app, or not
     *     readable
     */
    public Notification read(Map<String, String> params) {
        String sign = params.get("sign");
        if (sign == null || sign.isBlank()) {
            throw new InvalidNotificationException("the notification is not signed");
        }
        if (!"RSA2".equals(params.get("sign_type"))) {
            throw new InvalidNotificationException("the notification is not signed with RSA2");
        }
        boolean authentic;
        try {
            authentic = AlipaySignature.rsaCheckV1(new HashMap<>(params), alipayPublicKey, "UTF-8", "RSA2");
        } catch (AlipayApiException e) {
            authentic = false;
        }
        if (!authentic) {
            throw new InvalidNotificationException("the signature does not match Alipay's public key");
        }
        if (!appId.equals(params.get("app_id"))) {
            throw new InvalidNotificationException("the notification is for another app");
        }
        String notifyId = params.get("notify_id");
        String status = params.get("trade_status");
        String outTradeNo = params.get("out_trade_no");
        if (notifyId == null || status == null || outTradeNo == null) {
            throw new InvalidNotificationException("the notification has no notify_id, trade_status or out_trade_no");
        }
        long totalAmount;
        try {
            totalAmount = Yuan.toFen(params.get("total_amount"));
        } catch (IllegalArgumentException e) {
            throw new InvalidNotificationException("the notification's total_amount is not an amount");
        }
        var event = new ProviderEvent(
                AlipayProvider.NAME,
                notifyId,
                status,
                TradeNumbers.paymentIdOf(outTradeNo),
                answer(status, outTradeNo, params));
        return new Notification(event, totalAmount);
    }

    private static ProviderAnswer answer(String status, String outTradeNo, Map<String, String> params) {
        return switch (status) {
            case "TRADE_SUCCESS", "TRADE_FINISHED" -> new ProviderAnswer.Succeeded(outTradeNo);
            case "WAIT_BUYER_PAY" -> new ProviderAnswer.Processing(outTradeNo);
            case "TRADE_CLOSED" -> params.containsKey("gmt_refund") ? null : new ProviderAnswer.Canceled(outTradeNo);
            default -> null;
        };
    }

    /** Not a notification from Alipay to us. */
    public static final class InvalidNotificationException extends RuntimeException {

        InvalidNotificationException(String message) {
            super(message);
        }
    }
}
