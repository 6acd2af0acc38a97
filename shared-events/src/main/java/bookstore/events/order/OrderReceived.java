package bookstore.events.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The customer confirmed receipt of a delivered order (确认收货), or the shop counted it received
 * once it had stayed delivered for the configured time. The order's life after payment ends here,
 * unless something is returned.
 *
 * @param customer the pseudonymous customer reference, as {@link OrderPlaced} carries it
 * @param lines the received books
 * @param automatic whether the shop counted it received after the waiting time, not the customer
 */
public record OrderReceived(
        UUID eventId, Instant occurredAt, String orderId, String customer, List<OrderLine> lines, boolean automatic)
        implements OrderEvent {}
