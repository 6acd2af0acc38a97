package bookstore.platform.messaging;

import bookstore.events.IntegrationEvent;
import bookstore.events.Topic;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * A service's interest in one topic. Declare it as a bean; the platform runs a consumer group for
 * it ({@code <application>.<name>}), decodes each record, hands the event to the handler at most
 * once per event id (in the handler's database transaction) unless the handler is idempotent on its
 * own, retries failures a bounded number of times and then parks the record on the topic's
 * dead-letter topic.
 *
 * @param name what the subscription does, e.g. {@code stock-records}; part of the consumer group id
 * @param topic the catalogue topic to read
 * @param handler the application logic; its database work joins the deduplicating transaction, if any
 * @param concurrency consumer threads; at most the topic's partition count is useful
 * @param deduplicated whether the platform records each handled event id ({@link ProcessedEvents}) so a
 *     redelivery skips the handler; see {@link #withoutDeduplication()}
 */
public record EventSubscription<E extends IntegrationEvent>(
        String name, Topic<E> topic, Handler<E> handler, int concurrency, boolean deduplicated) {

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

    public static <E extends IntegrationEvent> EventSubscription<E> on(
            Topic<E> topic, String name, Handler<E> handler) {
        return new EventSubscription<>(name, topic, handler, 1, true);
    }

    public EventSubscription<E> withConcurrency(int consumers) {
        return new EventSubscription<>(name, topic, handler, consumers, deduplicated);
    }

    /**
     * For a handler that is idempotent on its own (it applies a version only if newer, or counts an
     * event under a condition that it has not been counted): the platform then calls it for every
     * delivery, redeliveries included, and keeps no record of handled events, which would cost more
     * store round trips per event than the handler itself.
     */
    public EventSubscription<E> withoutDeduplication() {
        return new EventSubscription<>(name, topic, handler, concurrency, false);
    }

    /** Handles one event; completes when its effects are durable. */
    @FunctionalInterface
    public interface Handler<E extends IntegrationEvent> {
        Mono<Void> on(E event);
    }
}
