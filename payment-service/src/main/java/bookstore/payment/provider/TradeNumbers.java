package bookstore.payment.provider;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Our payment id as the wallets' merchant order number ({@code out_trade_no}): its 32 hex digits
 * without hyphens, which both Alipay (letters, digits, underscores) and WeChat Pay (6 to 32 of
 * {@code [A-Za-z0-9_-*|]}) take. The same payment is always the same trade, so asking again is
 * idempotent at the provider, and a notification names the payment it is about.
 */
public final class TradeNumbers {

    private static final Pattern OURS = Pattern.compile("[0-9a-f]{32}");

    private TradeNumbers() {}

    /** The payment's {@code out_trade_no}. */
    public static String of(UUID paymentId) {
        return paymentId.toString().replace("-", "");
    }

    /** The payment an {@code out_trade_no} names; null when it is not one of ours. */
    public static UUID paymentIdOf(String outTradeNo) {
        if (outTradeNo == null || !OURS.matcher(outTradeNo).matches()) {
            return null;
        }
        return UUID.fromString(outTradeNo.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
    }
}
