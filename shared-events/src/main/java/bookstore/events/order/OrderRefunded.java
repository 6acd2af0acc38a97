package bookstore.events.order;

import bookstore.events.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * Part of a confirmed order's money went back to the customer: a return's lines, or an amount an
 * admin refunded without a return. (Cancelling an order refunds all of it, told by OrderCancelled.)
 *
 * @param refundId the refund's id
 * @param returnId the return it pays back, or null for a refund without a return
 * @param amount what this refund gave back
 * @param reason why, for the record
 */
public record OrderRefunded(
        UUID eventId, Instant occurredAt, String orderId, String refundId, String returnId, Money amount, String reason)
        implements OrderEvent {}
