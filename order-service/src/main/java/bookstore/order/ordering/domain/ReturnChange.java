package bookstore.order.ordering.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a return's history.
 *
 * @param reason why, where the step has one (a rejection, a cancellation, a step the shop took by itself)
 */
public record ReturnChange(ReturnStatus status, Instant at, String reason) {

    public ReturnChange {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }
}
