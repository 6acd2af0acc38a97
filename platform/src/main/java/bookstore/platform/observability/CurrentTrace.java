package bookstore.platform.observability;

import bookstore.events.CloudEvents;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * The W3C trace context of the work a reactive chain is doing, for the events it records: their consumers continue
 * the trace of the request or message that caused them.
 *
 * <p>Read inside {@code handle()}: with {@code spring.reactor.context-propagation=limited} Reactor restores the trace's
 * thread locals from the subscriber's context only in {@code handle} and {@code tap}; with {@code auto} they are
 * there anyway. Either way the answer is the subscriber's trace, not whatever ran last on the thread.
 *
 * <p>Work done later on behalf of a request or message, outside its trace (a background worker, a webhook from
 * outside), names the trace it continues with {@link #continuing}; that one then wins over the thread's own.
 */
public final class CurrentTrace {

    private static final String CONTINUED = CurrentTrace.class.getName() + ".continued";

    private final Tracer tracer;
    private final Propagator propagator;

    /** Either may be null: without tracing, events are recorded without a trace context. */
    public CurrentTrace(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /**
     * Runs {@code work} as part of the trace a stored {@code traceparent} names: the events it records continue that
     * trace. With a null {@code traceparent} (the cause came without one) the work keeps its own.
     */
    public static <T> Mono<T> continuing(String traceparent, Mono<T> work) {
        return traceparent == null ? work : work.contextWrite(Context.of(CONTINUED, traceparent));
    }

    /**
     * The {@code traceparent} of the subscriber's trace, or of the trace it is {@link #continuing}; empty outside a
     * trace or without tracing.
     */
    public Mono<Optional<String>> traceparent() {
        return Mono.deferContextual(context -> context.<String>getOrEmpty(CONTINUED)
                .map(continued -> Mono.just(Optional.of(continued)))
                .orElseGet(() -> Mono.just(this)
                        .handle((trace, sink) -> sink.next(Optional.ofNullable(trace.fromThreadLocals())))));
    }

    private String fromThreadLocals() {
        if (tracer == null || propagator == null) {
            return null;
        }
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(context, carrier, Map::put);
        return carrier.get(CloudEvents.TRACEPARENT);
    }
}
