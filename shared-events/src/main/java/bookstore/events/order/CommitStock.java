package bookstore.events.order;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The order is paid: its reservation becomes a sale and leaves the shelf. */
public record CommitStock(UUID eventId, Instant occurredAt, String orderId) implements InventoryCommand {

    public CommitStock {
        Objects.requireNonNull(orderId, "orderId");
    }
}
