package bookstore.order.ordering.domain;

/** What a PENDING order waits for; once it is no longer pending the saga has nothing to wait for. */
public enum SagaStep {
    AWAITING_STOCK,
    AWAITING_PAYMENT,
    DONE
}
