package bookstore.events.payment;

import bookstore.events.IntegrationEvent;

/** Payment outcomes for the order saga, on {@code payments.events.v1}, keyed by order id. */
public sealed interface PaymentEvent extends IntegrationEvent
        permits PaymentSucceeded, PaymentFailed, PaymentRefunded, AmountRefunded, RefundRefused, PaymentActionRequired {

    String orderId();

    @Override
    default String aggregateId() {
        return orderId();
    }
}
