package bookstore.events.order;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The customer asks for a fresh way to complete the payment of an order that awaits it (a new QR
 * code, a new link to the provider's page): payment asks the provider again for the same trade and
 * answers with another {@code PaymentActionRequired}. Changes nothing once the payment has an
 * outcome.
 */
public record RenewPaymentAction(UUID eventId, Instant occurredAt, String orderId) implements PaymentCommand {

    public RenewPaymentAction {
        Objects.requireNonNull(orderId, "orderId");
    }
}
