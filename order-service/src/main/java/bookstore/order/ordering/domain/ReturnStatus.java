package bookstore.order.ordering.domain;

import java.util.Set;

/**
 * Where a return (退货) stands. REQUESTED by the customer; APPROVED by an admin (or once the shop
 * let its decision time pass) or REJECTED; SENT_BACK by the customer, or CANCELLED (withdrawn, or not
 * sent in time); RECEIVED when an admin records the parcel and what inspection found (or, if nobody
 * does within the receipt time, counted received so the customer is refunded anyway); COMPLETED once
 * inventory has taken the copies in and payment has settled the refund. COMPLETED, REJECTED and
 * CANCELLED are the terminal states every return reaches.
 */
public enum ReturnStatus {
    REQUESTED,
    APPROVED,
    SENT_BACK,
    RECEIVED,
    COMPLETED,
    REJECTED,
    CANCELLED;

    public boolean isTerminal() {
        return this == COMPLETED || this == REJECTED || this == CANCELLED;
    }

    Set<ReturnStatus> next() {
        return switch (this) {
            case REQUESTED -> Set.of(APPROVED, REJECTED, CANCELLED);
            // An admin may record a parcel that arrived before the customer said they sent it.
            case APPROVED -> Set.of(SENT_BACK, RECEIVED, CANCELLED);
            case SENT_BACK -> Set.of(RECEIVED);
            case RECEIVED -> Set.of(COMPLETED);
            case COMPLETED, REJECTED, CANCELLED -> Set.of();
        };
    }
}
