package bookstore.order.ordering.application;

/** An Idempotency-Key the customer already used for a different checkout. */
public class IdempotencyKeyReusedException extends RuntimeException {

    IdempotencyKeyReusedException() {
        super("This Idempotency-Key was already used for a different order; use a new key for a new order.");
    }
}
