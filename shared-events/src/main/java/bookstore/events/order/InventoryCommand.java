package bookstore.events.order;

import bookstore.events.IntegrationEvent;

/**
 * What the order saga asks of inventory, on {@code inventory.commands.v1}, keyed by order id.
 * Commands travel in the same envelope as events; their {@code eventId} is the message id
 * receivers deduplicate on.
 */
public sealed interface InventoryCommand extends IntegrationEvent
        permits ReserveStock, ReleaseStock, CommitStock, RestockReturn {

    String orderId();

    @Override
    default String aggregateId() {
        return orderId();
    }
}
