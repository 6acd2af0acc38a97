package bookstore.platform.observability;

import bookstore.events.CloudEvents;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The W3C trace context of the work a reactive chain is doing, for the events it records: their consumers continue
 * the trace of the request or message that caused them.
 *
 * <p>Read inside {@code handle()}: with {@code spring.reactor.context-propagation=limited} Reactor restores the trace's
 * thread locals from the subscriber's context only in {@code handle} and {@code tap}; with {@code auto} they are
 * there anyway. Either way the answer is the subscriber's trace, not whatever ran last on the thread.
 */
public final class CurrentTrace {

    private final Tracer tracer;
    private final Propagator propagator;

    /** Either may be null: without tracing, events are recorded without a trace context. */
    public CurrentTrace(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The {@code traceparent} of the subscriber's trace; empty outside a trace or without tracing. */
    public Mono<Optional<String>> traceparent() {
        return Mono.just(this).handle((trace, sink) -> sink.next(Optional.ofNullable(trace.fromThreadLocals())));
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
