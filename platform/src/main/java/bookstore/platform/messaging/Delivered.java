package bookstore.platform.messaging;

import bookstore.events.IntegrationEvent;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * An event as a batch hands it to its handler, with the trace of the record that carried it. Work
 * done for this event in particular (appending the events it causes, above all) runs {@link
 * #traced} so that what it records continues this record's trace, not another's of the same batch.
 */
public final class Delivered<E extends IntegrationEvent> {

    private final E event;
    private final Observation observation;

    Delivered(E event, Observation observation) {
        this.event = Objects.requireNonNull(event, "event");
        this.observation = Objects.requireNonNull(observation, "observation");
    }

    /** An event delivered outside any trace, for tests of handlers and for work that has none. */
    public static <E extends IntegrationEvent> Delivered<E> untraced(E event) {
        return new Delivered<>(event, Observation.NOOP);
    }

    public E event() {
        return event;
    }

    Observation observation() {
        return observation;
    }

    /** Runs {@code work} in this event's trace. */
    public <T> Mono<T> traced(Mono<T> work) {
        return observation.isNoop()
                ? work
                : work.contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, observation));
    }

    /** The events of a batch, in its order. */
    public static <E extends IntegrationEvent> List<E> events(List<Delivered<E>> batch) {
        return batch.stream().map(Delivered::event).toList();
    }

    @Override
    public String toString() {
        return "Delivered[" + event + "]";
    }
}
