package bookstore.events.order;

import java.time.Instant;
import java.util.UUID;

/**
 * The customer sent the copies back.
 *
 * @param carrier the carrier's code, or null when the customer did not say
 * @param trackingNumber the parcel's tracking number, or null when the customer did not give one
 */
public record ReturnSentBack(
        UUID eventId, Instant occurredAt, String orderId, String returnId, String carrier, String trackingNumber)
        implements OrderEvent {}
