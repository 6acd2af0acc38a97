package bookstore.payment.provider.wechatpay;

import java.net.URI;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The merchant account payments are made to: its AppID and 商户号, which every request names and every
 * notification must name too, and where WeChat Pay is to send the notifications.
 *
 * @param notifyUrl resolved at each order, so that an address known only once the server runs works
 */
public record WechatPayMerchant(String appId, String merchantId, Supplier<URI> notifyUrl) {

    public WechatPayMerchant {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(notifyUrl, "notifyUrl");
    }
}
