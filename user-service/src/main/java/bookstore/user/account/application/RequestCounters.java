package bookstore.user.account.application;

import java.time.Duration;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** Requests counted per subject in fixed windows, shared by all replicas. */
public interface RequestCounters {

    /** Counts one more request of the subject and returns the count of its current window. */
    Mono<Window> count(String subject, Instant now, Duration window);

    /** Deletes counters whose window ended before {@code now}; returns how many. */
    Mono<Long> purge(Instant now);

    record Window(Instant endsAt, int requests) {}
}
