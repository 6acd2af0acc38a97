package bookstore.order.ordering.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * The shop's return rules (七天无理由退货 by default).
 *
 * @param window how long after receipt (or delivery, if the customer has not confirmed receipt) a
 *     return may be asked for
 * @param decision how long a requested return waits for an admin before it counts as approved
 * @param sendBack how long an approved return waits for the customer to send the copies before it is
 *     cancelled
 * @param receipt how long a sent-back return waits for an admin to record it received before the
 *     customer is refunded without it
 */
public record ReturnPolicy(Duration window, Duration decision, Duration sendBack, Duration receipt) {

    public ReturnPolicy {
        for (Duration duration : new Duration[] {window, decision, sendBack, receipt}) {
            if (Objects.requireNonNull(duration, "duration").isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("every return time must be positive");
            }
        }
    }
}
