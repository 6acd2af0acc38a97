package bookstore.events.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer asked to return copies of a delivered order (退货), within the return window.
 *
 * @param returnId the return's id, unique within the order
 * @param customer the pseudonymous customer reference, as {@link OrderPlaced} carries it
 * @param items which copies, at most what the order holds and has not already returned
 * @param reason the customer's reason, as they wrote it
 */
public record ReturnRequested(
        UUID eventId,
        Instant occurredAt,
        String orderId,
        String returnId,
        String customer,
        List<ReturnItem> items,
        String reason)
        implements OrderEvent {}
