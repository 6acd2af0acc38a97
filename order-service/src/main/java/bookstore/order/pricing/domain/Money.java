package bookstore.order.pricing.domain;

import java.util.Objects;

/** An amount in integer minor units (fen for CNY) of one ISO 4217 currency; never negative. */
public record Money(long amount, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code, was " + currency);
        }
        if (amount < 0) {
            throw new IllegalArgumentException("an amount of money is never negative");
        }
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(amount, other.amount), currency);
    }

    public Money times(int quantity) {
        return new Money(Math.multiplyExact(amount, quantity), currency);
    }

    /** What is left of this amount once {@code other} is taken away; never below zero. */
    public Money minusAtMostAll(Money other) {
        requireSameCurrency(other);
        return new Money(Math.max(0, amount - other.amount), currency);
    }

    public Money min(Money other) {
        return isGreaterThan(other) ? other : this;
    }

    public boolean isGreaterThan(Money other) {
        requireSameCurrency(other);
        return amount > other.amount;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
    }
}
