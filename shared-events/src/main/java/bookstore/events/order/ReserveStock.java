package bookstore.events.order;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Reserve every line of an order, all or nothing. */
public record ReserveStock(UUID eventId, Instant occurredAt, String orderId, List<OrderLine> lines)
        implements InventoryCommand {

    public ReserveStock {
        Objects.requireNonNull(orderId, "orderId");
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("an order reserves at least one line");
        }
        lines = List.copyOf(lines);
    }
}
