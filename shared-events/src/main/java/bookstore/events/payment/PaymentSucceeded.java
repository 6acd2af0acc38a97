package bookstore.events.payment;

import bookstore.events.Money;
import java.time.Instant;
import java.util.UUID;

/** The provider confirmed the charge. */
public record PaymentSucceeded(UUID eventId, Instant occurredAt, String orderId, String paymentId, Money amount)
        implements PaymentEvent {}
