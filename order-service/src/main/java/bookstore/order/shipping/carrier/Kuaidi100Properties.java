package bookstore.order.shipping.carrier;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Kuaidi100 (快递100), the carrier when {@code KUAIDI100_KEY} and {@code KUAIDI100_CUSTOMER} are set.
 *
 * @param key the enterprise authorisation key (授权key) the subscription is made with
 * @param customer the enterprise customer id; Kuaidi100 issues it with the key and its real-time
 *     query API needs it. The subscription does not send it, but the shop takes the pair as the sign
 *     that a Kuaidi100 account is configured
 * @param salt the random string Kuaidi100 signs its pushes with (md5(param + salt)); required, since a
 *     push without a signature could come from anyone
 * @param callbackUrl the public address of {@code POST /api/shipping/callbacks/kuaidi100} (through the
 *     gateway), which Kuaidi100 pushes to
 * @param url the subscription API; only tests point it elsewhere
 */
@ConfigurationProperties("bookstore.shipping.kuaidi100")
record Kuaidi100Properties(
        String key,
        String customer,
        String salt,
        URI callbackUrl,
        @DefaultValue("https://poll.kuaidi100.com/poll") URI url) {

    Kuaidi100Properties {
        if (key != null && !key.isBlank() && customer != null && !customer.isBlank()) {
            if (salt == null || salt.isBlank()) {
                throw new IllegalArgumentException(
                        "KUAIDI100_SALT (bookstore.shipping.kuaidi100.salt) must be set with Kuaidi100: its pushes"
                                + " are believed only when signed with it");
            }
            if (callbackUrl == null || callbackUrl.toString().isBlank()) {
                throw new IllegalArgumentException(
                        "KUAIDI100_CALLBACK_URL (bookstore.shipping.kuaidi100.callback-url) must be set with"
                                + " Kuaidi100: the public address of /api/shipping/callbacks/kuaidi100");
            }
        }
    }
}
