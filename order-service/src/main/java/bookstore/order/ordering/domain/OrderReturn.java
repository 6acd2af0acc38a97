package bookstore.order.ordering.domain;

import bookstore.order.pricing.domain.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A customer's return of some copies of an order, as a small saga of its own inside the order: every
 * step either comes from a person (customer or admin), from an answer of inventory or payment, or
 * from the return's deadline running out, and every return ends REJECTED, CANCELLED or COMPLETED.
 *
 * @param reason the customer's reason, as they wrote it; null once the customer was erased
 * @param carrier the carrier of the parcel back, if the customer named one
 * @param trackingNumber the parcel's tracking number, if the customer gave one
 * @param outcomeReason why it was rejected or cancelled
 * @param deadline when the current step times out; null once nothing waits on a person
 * @param restocked whether inventory has taken the copies in (or there was nothing to take in)
 */
public record OrderReturn(
        String id,
        List<ReturnLine> items,
        String reason,
        ReturnStatus status,
        String carrier,
        String trackingNumber,
        String outcomeReason,
        Instant requestedAt,
        Instant deadline,
        boolean restocked,
        List<ReturnChange> history) {

    public OrderReturn {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(requestedAt, "requestedAt");
        items = List.copyOf(items);
        history = List.copyOf(history);
    }

    static OrderReturn requested(String id, List<ReturnLine> items, String reason, Instant now, Instant deadline) {
        return new OrderReturn(
                id,
                items,
                reason,
                ReturnStatus.REQUESTED,
                null,
                null,
                null,
                now,
                deadline,
                false,
                List.of(new ReturnChange(ReturnStatus.REQUESTED, now, null)));
    }

    /** What the return's copies cost when they were bought. */
    public Money total() {
        Money sum = Money.zero(items.getFirst().unitPrice().currency());
        for (ReturnLine item : items) {
            sum = sum.plus(item.total());
        }
        return sum;
    }

    /** Copies of the book this return sends back, or 0. */
    public int quantityOf(String bookId) {
        return items.stream()
                .filter(item -> item.bookId().equals(bookId))
                .mapToInt(ReturnLine::quantity)
                .sum();
    }

    boolean isOpen() {
        return !status.isTerminal();
    }

    /** Counts against what may still be returned: every return except those that ended without anything back. */
    boolean holdsCopies() {
        return status != ReturnStatus.REJECTED && status != ReturnStatus.CANCELLED;
    }

    OrderReturn moved(ReturnStatus next, Instant now, String why, Instant nextDeadline) {
        if (!status.next().contains(next)) {
            throw new ReturnConflictException(
                    "A return that is " + describe(status) + " cannot become " + describe(next) + ".");
        }
        List<ReturnChange> changes = new ArrayList<>(history);
        changes.add(new ReturnChange(next, now, why));
        return new OrderReturn(
                id,
                items,
                reason,
                next,
                carrier,
                trackingNumber,
                next == ReturnStatus.REJECTED || next == ReturnStatus.CANCELLED ? why : outcomeReason,
                requestedAt,
                nextDeadline,
                restocked,
                changes);
    }

    OrderReturn sentWith(String parcelCarrier, String parcelTrackingNumber) {
        return new OrderReturn(
                id,
                items,
                reason,
                status,
                parcelCarrier,
                parcelTrackingNumber,
                outcomeReason,
                requestedAt,
                deadline,
                restocked,
                history);
    }

    OrderReturn withItems(List<ReturnLine> inspected) {
        return new OrderReturn(
                id,
                inspected,
                reason,
                status,
                carrier,
                trackingNumber,
                outcomeReason,
                requestedAt,
                deadline,
                restocked,
                history);
    }

    /**
     * The return without what the customer wrote (their reason): kept for an erased customer are its
     * copies, money, parcel and steps, which the accounts and the stock need.
     */
    OrderReturn withoutCustomersWords() {
        return new OrderReturn(
                id,
                items,
                null,
                status,
                carrier,
                trackingNumber,
                outcomeReason,
                requestedAt,
                deadline,
                restocked,
                history);
    }

    OrderReturn asRestocked() {
        return new OrderReturn(
                id,
                items,
                reason,
                status,
                carrier,
                trackingNumber,
                outcomeReason,
                requestedAt,
                deadline,
                true,
                history);
    }

    static String describe(ReturnStatus status) {
        return status.name().toLowerCase().replace('_', ' ');
    }
}
