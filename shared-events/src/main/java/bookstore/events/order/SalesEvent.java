package bookstore.events.order;

import bookstore.events.IntegrationEvent;

/** Sales facts for analytics, on {@code sales.events.v1}, keyed by order id. */
public sealed interface SalesEvent extends IntegrationEvent permits SaleRecorded, SaleReturned {

    String orderId();

    @Override
    default String aggregateId() {
        return orderId();
    }
}
