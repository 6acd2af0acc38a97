package bookstore.platform.observability;

import reactor.core.publisher.Mono;

/**
 * Log lines written from inside a reactive chain, with the trace of the request or message the chain
 * serves. With limited context propagation Reactor puts the trace into thread locals (where the
 * logger finds it) only inside {@code handle()} and {@code tap()}; a log line elsewhere in a chain
 * that has left the caller's thread, after a database call for one, has no trace id.
 */
public final class TracedLogging {

    private TracedLogging() {}

    /**
     * Writes the log line, when the returned Mono runs, with the subscriber's trace in thread locals;
     * completes empty, like {@link Mono#fromRunnable}.
     */
    public static <T> Mono<T> log(Runnable logging) {
        return Mono.just(logging).<T>handle((statement, sink) -> {
            statement.run();
            sink.complete();
        });
    }
}
