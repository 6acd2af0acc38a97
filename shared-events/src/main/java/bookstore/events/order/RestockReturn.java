package bookstore.events.order;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Copies a customer returned arrived at the shop: put the resalable ones back in stock and write off
 * the damaged ones. Inventory acts on each return once (by {@code returnId}) and answers {@code
 * ReturnRestocked}.
 */
public record RestockReturn(
        UUID eventId, Instant occurredAt, String orderId, String returnId, List<ReturnedCopies> copies)
        implements InventoryCommand {

    public RestockReturn {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(returnId, "returnId");
        copies = List.copyOf(copies);
    }
}
