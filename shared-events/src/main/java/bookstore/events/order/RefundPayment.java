package bookstore.events.order;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Give back what was charged for an order (it was cancelled after payment, or returned). */
public record RefundPayment(UUID eventId, Instant occurredAt, String orderId, String reason) implements PaymentCommand {

    public RefundPayment {
        Objects.requireNonNull(orderId, "orderId");
    }
}
