package bookstore.catalog.book.domain;

import java.util.Currency;
import java.util.Objects;

/**
 * A price: whole minor units (fen for CNY) and an ISO 4217 currency. Integer arithmetic only, so a
 * price is never off by a rounding error.
 */
public record Money(long amount, String currency) {

    public static final String DEFAULT_CURRENCY = "CNY";

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (amount < 0) {
            throw new InvalidBookException("price.amount", "an amount of money cannot be negative");
        }
        try {
            if (!Currency.getInstance(currency).getCurrencyCode().equals(currency)) {
                throw new IllegalArgumentException(currency);
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidBookException("price.currency", "'" + currency + "' is not an ISO 4217 currency code");
        }
    }

    public static Money of(long amount, String currency) {
        return new Money(amount, currency == null ? DEFAULT_CURRENCY : currency);
    }

    public static Money cny(long fen) {
        return new Money(fen, DEFAULT_CURRENCY);
    }

    public boolean isGreaterThan(Money other) {
        requireSameCurrency(other);
        return amount > other.amount;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot compare " + currency + " with " + other.currency);
        }
    }

    @Override
    public String toString() {
        Currency unit = Currency.getInstance(currency);
        int digits = Math.max(unit.getDefaultFractionDigits(), 0);
        long scale = (long) Math.pow(10, digits);
        return digits == 0
                ? amount + " " + currency
                : String.format("%d.%0" + digits + "d %s", amount / scale, amount % scale, currency);
    }
}
