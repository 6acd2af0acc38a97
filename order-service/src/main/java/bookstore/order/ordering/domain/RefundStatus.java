package bookstore.order.ordering.domain;

/** A partial refund: PENDING at payment, then REFUNDED by the provider or REFUSED. */
public enum RefundStatus {
    PENDING,
    REFUNDED,
    REFUSED
}
