package bookstore.order.ordering.domain;

/** A change the order's status does not allow, such as shipping an order that is not confirmed. */
public class IllegalOrderTransitionException extends RuntimeException {

    private final OrderStatus status;

    IllegalOrderTransitionException(OrderStatus status, String message) {
        super(message);
        this.status = status;
    }

    public OrderStatus status() {
        return status;
    }
}
