package bookstore.platform.messaging;

import bookstore.events.IntegrationEvent;
import bookstore.events.Topic;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A service's interest in one topic. Declare it as a bean; the platform runs a consumer group for
 * it ({@code <application>.<name>}) and hands it what each poll brings, decoded, as one batch in
 * offset order. A batch that fails is retried; a failure that can never succeed is narrowed down to
 * the one record that causes it, which goes to the topic's dead-letter topic while the rest of the
 * batch takes effect. A failure of the infrastructure (the database out of reach, a timeout, a lock
 * conflict) is retried with back-off until it passes and never dead-letters anything.
 *
 * <p>Handlers are idempotent by the state they change wherever it has a natural key (a reservation
 * per order, a payment per order, an order's saga step). Only where nothing in the state tells a
 * repeat from a first delivery does the platform record the event ids ({@link #deduplicated()}).
 *
 * @param name what the subscription does, e.g. {@code stock-records}; part of the consumer group id
 * @param topic the catalogue topic to read
 * @param handler the application logic for one batch; it makes the batch's effects durable in one
 *     database transaction of its own (which joins the deduplicating transaction, if any)
 * @param concurrency consumer threads; at most the topic's partition count is useful
 * @param deduplicated whether the platform records each handled event id ({@link ProcessedEvents}) so a
 *     redelivery is not handed to the handler again
 */
public record EventSubscription<E extends IntegrationEvent>(
        String name, Topic<E> topic, BatchHandler<E> handler, int concurrency, boolean deduplicated) {

    public EventSubscription {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(handler, "handler");
        if (!name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("subscription name must be lower-case words joined by '-'");
        }
        if (concurrency < 1 || concurrency > topic.partitions()) {
            throw new IllegalArgumentException("concurrency must be between 1 and the topic's partitions");
        }
    }

    /**
     * A handler that takes events one at a time: each event of a batch is handed over in offset
     * order, after the one before it completed, in the trace of its own record. Its effects are
     * deduplicated by event id unless {@link #withoutDeduplication()} says the handler is idempotent.
     */
    public static <E extends IntegrationEvent> EventSubscription<E> on(
            Topic<E> topic, String name, Handler<E> handler) {
        Objects.requireNonNull(handler, "handler");
        BatchHandler<E> oneByOne = batch -> Flux.fromIterable(batch)
                .concatMap(delivered -> delivered.traced(handler.on(delivered.event())))
                .then();
        return new EventSubscription<>(name, topic, oneByOne, 1, true);
    }

    /**
     * A handler that takes a whole batch as a set: it reads and locks what the batch touches with a
     * statement or two, applies the events in memory in offset order and writes the outcome with a
     * statement per table. It must be idempotent by state: the platform records no event ids for it.
     */
    public static <E extends IntegrationEvent> EventSubscription<E> onBatch(
            Topic<E> topic, String name, BatchHandler<E> handler) {
        return new EventSubscription<>(name, topic, handler, 1, false);
    }

    public EventSubscription<E> withConcurrency(int consumers) {
        return new EventSubscription<>(name, topic, handler, consumers, deduplicated);
    }

    /**
     * For a handler that is idempotent on its own (it applies a version only if newer, or counts an
     * event under a condition that it has not been counted): the platform then calls it for every
     * delivery, redeliveries included, and keeps no record of handled events, which would cost a
     * statement per batch for nothing.
     */
    public EventSubscription<E> withoutDeduplication() {
        return new EventSubscription<>(name, topic, handler, concurrency, false);
    }

    /** Handles one event; completes when its effects are durable. */
    @FunctionalInterface
    public interface Handler<E extends IntegrationEvent> {
        Mono<Void> on(E event);
    }

    /** Handles one poll's events, in offset order; completes when their effects are durable. */
    @FunctionalInterface
    public interface BatchHandler<E extends IntegrationEvent> {
        Mono<Void> on(List<Delivered<E>> batch);
    }
}
