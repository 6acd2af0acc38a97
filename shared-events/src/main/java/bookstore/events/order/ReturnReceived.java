package bookstore.events.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The shop received the returned copies and inspected them; inventory restocks them and payment
 * refunds their lines.
 *
 * @param copies per book, how many are resalable and how many damaged
 */
public record ReturnReceived(
        UUID eventId, Instant occurredAt, String orderId, String returnId, List<ReturnedCopies> copies)
        implements OrderEvent {}
