package bookstore.payment.provider.wechatpay;

import bookstore.payment.provider.sandbox.wechatpay.SandboxWechatPayKeys;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Payment notifications in WeChat Pay's documented format, made with keys a test holds: the
 * transaction encrypted into the resource, the body signed into the {@code Wechatpay-*} headers.
 */
public final class SignedNotifications {

    public static final String APP_ID = "wxd678efh567hg6787";
    public static final String MERCHANT_ID = "1230000109";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SignedNotifications() {}

    /** A transaction as the resource carries it (支付成功通知's plaintext). */
    public static Map<String, Object> transaction(String outTradeNo, String tradeState, long total) {
        Map<String, Object> amount = new LinkedHashMap<>();
        amount.put("total", total);
        amount.put("payer_total", total);
        amount.put("currency", "CNY");
        amount.put("payer_currency", "CNY");
        Map<String, Object> transaction = new LinkedHashMap<>();
        transaction.put("appid", APP_ID);
        transaction.put("mchid", MERCHANT_ID);
        transaction.put("out_trade_no", outTradeNo);
        transaction.put("transaction_id", "1217752501201407033233368018");
        transaction.put("trade_type", "NATIVE");
        transaction.put("trade_state", tradeState);
        transaction.put("trade_state_desc", "支付成功");
        transaction.put("bank_type", "CMC");
        transaction.put("attach", "");
        transaction.put("success_time", "2018-06-08T10:34:56+08:00");
        transaction.put("payer", Map.of("openid", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"));
        transaction.put("amount", amount);
        return transaction;
    }

    /** The notification's body, its resource encrypted with {@code keys}' API v3 key. */
    public static String body(SandboxWechatPayKeys keys, String id, Map<String, Object> transaction) {
        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("id", id);
        notification.put("create_time", "2015-05-20T13:29:35+08:00");
        notification.put("resource_type", "encrypt-resource");
        notification.put("event_type", "TRANSACTION.SUCCESS");
        notification.put("summary", "支付成功");
        notification.put("resource", keys.encrypt(JSON.writeValueAsString(transaction), "transaction", "transaction"));
        return JSON.writeValueAsString(notification);
    }

    /** The headers signing {@code body} at {@code at} with {@code keys}' platform key. */
    public static WechatPayNotifications.Headers headers(SandboxWechatPayKeys keys, String body, Instant at) {
        var signed = keys.sign(body, at);
        return new WechatPayNotifications.Headers(
                signed.get("Wechatpay-Serial"),
                signed.get("Wechatpay-Signature"),
                signed.get("Wechatpay-Timestamp"),
                signed.get("Wechatpay-Nonce"),
                signed.get("Wechatpay-Signature-Type"));
    }
}
