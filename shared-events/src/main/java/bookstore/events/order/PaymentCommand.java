package bookstore.events.order;

import bookstore.events.IntegrationEvent;

/** What the order saga asks of payment, on {@code payments.commands.v1}, keyed by order id. */
public sealed interface PaymentCommand extends IntegrationEvent
        permits ChargePayment, RefundPayment, RefundAmount, RenewPaymentAction {

    String orderId();

    @Override
    default String aggregateId() {
        return orderId();
    }
}
