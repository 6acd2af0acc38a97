package bookstore.order.ordering.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a pending order waits for each answer before the saga gives up and compensates.
 *
 * @param stock waiting for inventory to reserve or refuse
 * @param payment waiting for the payment provider, which may ask the customer to authenticate
 */
public record SagaTimeouts(Duration stock, Duration payment) {

    public SagaTimeouts {
        Objects.requireNonNull(stock, "stock");
        Objects.requireNonNull(payment, "payment");
        if (stock.isNegative() || stock.isZero() || payment.isNegative() || payment.isZero()) {
            throw new IllegalArgumentException("saga timeouts must be positive");
        }
    }
}
