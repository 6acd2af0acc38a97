package bookstore.events.order;

import bookstore.events.Money;
import java.time.Instant;
import java.util.UUID;

/** Stock was reserved and payment taken: the order will be shipped. */
public record OrderConfirmed(UUID eventId, Instant occurredAt, String orderId, Money total) implements OrderEvent {}
