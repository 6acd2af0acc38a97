package bookstore.order.ordering.application;

import bookstore.order.ordering.domain.ReturnPolicy;
import bookstore.order.ordering.domain.SagaTimeouts;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the order saga behaves.
 *
 * @param stockTimeout how long a new order waits for inventory before it is cancelled
 * @param paymentTimeout how long a reserved order waits for payment (which may involve the customer
 *     authenticating with their bank) before it is cancelled and compensated
 * @param timeoutScanInterval how often overdue orders are looked for
 * @param timeoutBatchSize overdue orders cancelled per transaction
 * @param sagaConsumers consumer threads per reply topic
 * @param autoReceiveAfter how long a DELIVERED order waits for the customer to confirm receipt
 *     before it counts as received (the receipt scan runs every {@code timeoutScanInterval})
 * @param returnWindow how long after receipt a customer may ask to return copies (七天无理由退货)
 * @param returnDecisionWithin how long a return request waits for an admin before it counts as approved
 * @param returnSendBackWithin how long an approved return waits for the customer to send it before it is
 *     cancelled
 * @param returnReceiptWithin how long a sent return waits to be recorded received before the customer is
 *     refunded without it
 * @param pseudonymKey the secret that turns customer ids into the pseudonyms other services and
 *     analytics see; changing it breaks the link between a customer's old and new pseudonym
 */
@ConfigurationProperties("bookstore.orders")
public record OrderingProperties(
        @DefaultValue("2m") Duration stockTimeout,
        @DefaultValue("15m") Duration paymentTimeout,
        @DefaultValue("5s") Duration timeoutScanInterval,
        @DefaultValue("100") int timeoutBatchSize,
        @DefaultValue("2") int sagaConsumers,
        String pseudonymKey,
        @DefaultValue("7d") Duration autoReceiveAfter,
        @DefaultValue("7d") Duration returnWindow,
        @DefaultValue("2d") Duration returnDecisionWithin,
        @DefaultValue("7d") Duration returnSendBackWithin,
        @DefaultValue("14d") Duration returnReceiptWithin) {

    public OrderingProperties {
        if (pseudonymKey == null || pseudonymKey.length() < 16) {
            throw new IllegalArgumentException(
                    "bookstore.orders.pseudonym-key must be a secret of at least 16 characters");
        }
        if (!autoReceiveAfter.isPositive()) {
            throw new IllegalArgumentException("bookstore.orders.auto-receive-after must be positive");
        }
        new ReturnPolicy(returnWindow, returnDecisionWithin, returnSendBackWithin, returnReceiptWithin);
    }

    /** The return rules, checked when the service starts: every time positive. */
    public ReturnPolicy returnPolicy() {
        return new ReturnPolicy(returnWindow, returnDecisionWithin, returnSendBackWithin, returnReceiptWithin);
    }

    public SagaTimeouts timeouts() {
        return new SagaTimeouts(stockTimeout, paymentTimeout);
    }
}
