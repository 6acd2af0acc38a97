package bookstore.events.order;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Give back what an order reserved (it was cancelled or timed out). */
public record ReleaseStock(UUID eventId, Instant occurredAt, String orderId, String reason)
        implements InventoryCommand {

    public ReleaseStock {
        Objects.requireNonNull(orderId, "orderId");
    }
}
