package bookstore.payment.provider.wechatpay;

import com.wechat.pay.java.core.AbstractRSAConfig;
import com.wechat.pay.java.core.notification.NotificationConfig;
import java.time.Clock;
import okhttp3.OkHttpClient;

/**
 * A merchant account with what the SDK needs to speak for it: its credentials and WeChat Pay's keys
 * ({@code config}, which also verifies and decrypts notifications) and the HTTP client it calls with.
 */
public record WechatPayAccount(WechatPayMerchant merchant, AbstractRSAConfig config, OkHttpClient http) {

    public WechatPayAccount {
        if (!(config instanceof NotificationConfig)) {
            throw new IllegalArgumentException("the config must verify notifications too");
        }
    }

    /** The adapter for this account. */
    public WechatPayProvider provider(Clock clock) {
        return WechatPayProvider.connect(merchant, config, http, clock);
    }

    /** The notifications' reader for this account. */
    public WechatPayNotifications notifications(Clock clock) {
        return new WechatPayNotifications((NotificationConfig) config, merchant, clock);
    }
}
