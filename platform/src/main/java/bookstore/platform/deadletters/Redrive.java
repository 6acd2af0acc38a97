package bookstore.platform.deadletters;

import java.time.Instant;
import java.util.UUID;

/**
 * The last re-drive of a dead letter, as the re-drive log remembers it.
 *
 * @param outcome {@code REDRIVEN} when the group's handler took the record, {@code FAILED} when it failed again
 * @param at when
 * @param by the admin who asked
 * @param forced whether it was asked for although the dead letter had been re-driven before
 * @param failure why it failed again (the exception's class and message), or null
 */
public record Redrive(Outcome outcome, Instant at, UUID by, boolean forced, String failure) {

    public enum Outcome {
        REDRIVEN,
        FAILED
    }

    public boolean succeeded() {
        return outcome == Outcome.REDRIVEN;
    }
}
