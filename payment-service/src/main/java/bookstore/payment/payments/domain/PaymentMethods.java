package bookstore.payment.payments.domain;

import java.util.Set;

/**
 * The payment methods the customer completes with a wallet provider; every other method is a
 * card's (a Stripe payment method such as {@code pm_card_visa}).
 */
public final class PaymentMethods {

    /** Alipay 当面付: a QR code the customer scans with the Alipay app. */
    public static final String ALIPAY_QR = "alipay_qr";

    /** Alipay 电脑网站支付: the customer's browser goes to Alipay's cashier page. */
    public static final String ALIPAY_PAGE = "alipay_page";

    /** WeChat Pay Native: a QR code ({@code code_url}) the customer scans with WeChat. */
    public static final String WECHAT_NATIVE = "wechat_native";

    public static final Set<String> ALIPAY = Set.of(ALIPAY_QR, ALIPAY_PAGE);

    public static final Set<String> WECHAT = Set.of(WECHAT_NATIVE);

    private PaymentMethods() {}

    /** Whether a wallet provider, rather than the card provider, takes this method. */
    public static boolean isWallet(String method) {
        return ALIPAY.contains(method) || WECHAT.contains(method);
    }
}
