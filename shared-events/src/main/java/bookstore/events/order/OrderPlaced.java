package bookstore.events.order;

import bookstore.events.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer placed an order; the saga starts.
 *
 * @param customer a pseudonymous customer reference, stable per customer, not the account id
 */
public record OrderPlaced(
        UUID eventId, Instant occurredAt, String orderId, String customer, List<OrderLine> lines, Money total)
        implements OrderEvent {}
