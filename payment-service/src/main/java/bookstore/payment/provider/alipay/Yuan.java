package bookstore.payment.provider.alipay;

import java.math.BigDecimal;

/**
 * Money on Alipay's wire: yuan with two decimals ({@code "12.30"}), where our amounts are fen.
 * Converted exactly, never through floating point.
 */
public final class Yuan {

    private Yuan() {}

    /** {@code 1230} fen as {@code "12.30"}. */
    public static String of(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /**
     * {@code "12.30"} (or {@code "12.3"}) as {@code 1230} fen.
     *
     * @throws IllegalArgumentException if it is not an amount, or has fractions of a fen
     */
    public static long toFen(String yuan) {
        if (yuan == null) {
            throw new IllegalArgumentException("no amount");
        }
        try {
            return new BigDecimal(yuan.trim()).movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not an amount in yuan: " + yuan, e);
        }
    }
}
