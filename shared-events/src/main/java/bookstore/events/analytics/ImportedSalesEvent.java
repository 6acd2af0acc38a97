package bookstore.events.analytics;

import bookstore.events.IntegrationEvent;

/** Past sales brought over from the system before this one, on {@code sales.imports.v1}, keyed by order id. */
public sealed interface ImportedSalesEvent extends IntegrationEvent permits SaleImported {

    String orderId();

    @Override
    default String aggregateId() {
        return orderId();
    }
}
