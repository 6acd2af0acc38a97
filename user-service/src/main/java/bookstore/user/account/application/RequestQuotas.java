package bookstore.user.account.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * How many requests of a kind the shop answers per subject (an address, a client, an account) in a
 * window. Every subject of a request is counted before any is judged, so a refused request costs
 * the same whichever subject refused it.
 */
public final class RequestQuotas {

    private final RequestCounters counters;
    private final Clock clock;

    public RequestQuotas(RequestCounters counters, Clock clock) {
        this.counters = counters;
        this.clock = clock;
    }

    /**
     * Completes when the request is within every quota named; fails with {@link TooManyRequests},
     * retry after the longest wait, otherwise.
     */
    public Mono<Void> take(Charge... charges) {
        Instant now = clock.instant();
        return Flux.fromIterable(List.of(charges))
                .concatMap(charge -> counters.count(
                                charge.subject(), now, charge.quota().window())
                        .filter(counted -> counted.requests() > charge.quota().limit()))
                .map(over -> Duration.between(now, over.endsAt()))
                .reduce((a, b) -> a.compareTo(b) >= 0 ? a : b)
                .flatMap(wait -> Mono.error(new TooManyRequests(wait.isNegative() ? Duration.ZERO : wait)));
    }

    /** Drops counters of windows past. */
    public Mono<Long> purge() {
        return counters.purge(clock.instant());
    }

    /**
     * At most {@code limit} requests of {@code kind} per subject in each {@code window}.
     *
     * @param kind names the counters, e.g. {@code reset-per-address}
     */
    public record Quota(String kind, int limit, Duration window) {

        public Quota {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(window, "window");
            if (limit < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("a quota needs a positive limit and window");
            }
        }

        public Charge of(String subject) {
            return new Charge(this, kind + ":" + subject);
        }
    }

    /** One request counted against a quota for a subject. */
    public record Charge(Quota quota, String subject) {}
}
