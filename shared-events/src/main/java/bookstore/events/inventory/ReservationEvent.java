package bookstore.events.inventory;

import bookstore.events.IntegrationEvent;

/** Inventory's answers to the order saga, on {@code inventory.reservations.v1}, keyed by order id. */
public sealed interface ReservationEvent extends IntegrationEvent
        permits StockReserved, StockReservationFailed, StockReleased, StockCommitted, ReturnRestocked {

    String orderId();

    @Override
    default String aggregateId() {
        return orderId();
    }
}
