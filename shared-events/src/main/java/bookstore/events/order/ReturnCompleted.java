package bookstore.events.order;

import bookstore.events.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * The return is over: its copies are back in inventory (if they arrived) and its refund settled.
 *
 * @param refunded what was given back for it (zero if the provider refused the refund)
 */
public record ReturnCompleted(UUID eventId, Instant occurredAt, String orderId, String returnId, Money refunded)
        implements OrderEvent {}
