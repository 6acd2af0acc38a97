package bookstore.order.shipping.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a parcel's timeline, as the carrier wrote it.
 *
 * @param description the carrier's words, e.g. 【杭州市】快件已到达杭州转运中心; stored and shown as text
 * @param place where it happened, as the carrier names it; empty if it does not say
 */
public record TrackingEvent(TrackingStatus status, String description, String place, Instant at) {

    public static final int MAX_DESCRIPTION = 1000;
    public static final int MAX_PLACE = 200;

    public TrackingEvent {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(at, "at");
        place = place == null ? "" : place;
        if (description.length() > MAX_DESCRIPTION || place.length() > MAX_PLACE) {
            throw new IllegalArgumentException("a tracking event's description or place is too long");
        }
    }
}
