package bookstore.payment.payments.domain;

import java.util.Objects;

/** An amount in integer minor units (fen for CNY) of an ISO 4217 currency; never negative here. */
public record Money(long amount, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code, was " + currency);
        }
        if (amount < 0) {
            throw new IllegalArgumentException("an amount of money is never negative, was " + amount);
        }
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    public boolean isPositive() {
        return amount > 0;
    }
}
