package bookstore.events.order;

import java.time.Instant;
import java.util.UUID;

/**
 * The carrier reported the shipped order on its way (collected, in transit or out for delivery):
 * published once, at the first such report.
 *
 * @param carrier the carrier's company code the order was shipped with, e.g. {@code shunfeng}
 */
public record OrderInTransit(UUID eventId, Instant occurredAt, String orderId, String carrier, String trackingNumber)
        implements OrderEvent {}
