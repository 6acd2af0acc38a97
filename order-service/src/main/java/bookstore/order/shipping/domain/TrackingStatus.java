package bookstore.order.shipping.domain;

/**
 * Where a parcel is, as carriers report it. The names follow Kuaidi100's main states (在途, 揽收,
 * 疑难, 签收, 退签, 派件, 清关, 拒签…), which the sandbox carrier speaks too.
 */
public enum TrackingStatus {
    /** 揽收: the carrier picked the parcel up. */
    COLLECTED,
    /** 在途: on its way between the carrier's sites. */
    IN_TRANSIT,
    /** 派件: a courier is delivering it. */
    OUT_FOR_DELIVERY,
    /** 签收: delivered and signed for. */
    DELIVERED,
    /** 疑难: something is wrong (address, lost, held); a person must look. */
    PROBLEM,
    /** 清关: in customs. */
    CUSTOMS,
    /** 退签, 退回 or 拒签: refused or on its way back to the sender. */
    RETURNED,
    /** A state this shop does not tell apart. */
    OTHER;

    /** Whether the parcel is moving towards the customer, which takes a shipped order in transit. */
    public boolean isOnItsWay() {
        return this == COLLECTED || this == IN_TRANSIT || this == OUT_FOR_DELIVERY || this == CUSTOMS;
    }
}
