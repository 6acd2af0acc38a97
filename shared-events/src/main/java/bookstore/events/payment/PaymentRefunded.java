package bookstore.events.payment;

import bookstore.events.Money;
import java.time.Instant;
import java.util.UUID;

/** What was charged for the order was given back (nothing, if nothing had been charged). */
public record PaymentRefunded(UUID eventId, Instant occurredAt, String orderId, Money amount) implements PaymentEvent {}
