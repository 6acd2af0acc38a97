package bookstore.events.order;

import bookstore.events.IntegrationEvent;

/**
 * An order's lifecycle, on {@code orders.events.v1}, keyed by order id. A stable contract for
 * analytics consumers: see {@code asyncapi.yaml}.
 */
public sealed interface OrderEvent extends IntegrationEvent
        permits OrderPlaced,
                OrderConfirmed,
                OrderRejected,
                OrderCancelled,
                OrderShipped,
                OrderInTransit,
                OrderDelivered,
                OrderReceived,
                ReturnRequested,
                ReturnApproved,
                ReturnRejected,
                ReturnSentBack,
                ReturnReceived,
                ReturnCompleted,
                ReturnCancelled,
                OrderRefunded {

    String orderId();

    @Override
    default String aggregateId() {
        return orderId();
    }
}
