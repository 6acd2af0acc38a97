package bookstore.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The trace a chain names with {@code continuing}; the thread's own trace is covered by the tracing integration tests. */
class CurrentTraceTests {

    private static final String STORED = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final CurrentTrace withoutTracing = new CurrentTrace(null, null);

    @Test
    void outsideAnyTraceThereIsNone() {
        assertThat(withoutTracing.traceparent().block()).isEmpty();
    }

    @Test
    void workContinuingAStoredTraceRecordsThatTrace() {
        Mono<Optional<String>> seen = CurrentTrace.continuing(STORED, Mono.defer(withoutTracing::traceparent));

        assertThat(seen.block()).contains(STORED);
    }

    @Test
    void workContinuingNoStoredTraceKeepsItsOwn() {
        Mono<Optional<String>> seen = CurrentTrace.continuing(null, Mono.defer(withoutTracing::traceparent));

        assertThat(seen.block()).isEmpty();
    }
}
