package bookstore.events;

import java.util.Objects;

/**
 * An amount of money in the contract: integer minor units (fen for CNY, cents for USD) and an ISO
 * 4217 currency code. Never a floating point number.
 */
public record Money(long amount, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code, was " + currency);
        }
    }
}
