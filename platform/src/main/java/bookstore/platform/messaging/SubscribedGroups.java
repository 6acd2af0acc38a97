package bookstore.platform.messaging;

import bookstore.events.IntegrationEvent;
import bookstore.events.Topic;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import reactor.core.publisher.Mono;

/**
 * The consumer groups the application runs, one per {@link EventSubscription} ({@code <application>.<name>}), and the
 * one way records reach a group's handler: decoded, each in its own record's trace, deduplicated by event id if the
 * subscription is, within the handler timeout. The listener containers hand it what each poll brings; a re-drive of a
 * dead letter hands it that one record, so it meets the same handler, and the same inbox, as it did the first time.
 */
public final class SubscribedGroups {

    private final Map<String, Group<?>> groups = new LinkedHashMap<>();

    SubscribedGroups(
            String applicationName,
            List<EventSubscription<?>> subscriptions,
            EventCodec codec,
            ProcessedEvents processedEvents,
            Duration handlerTimeout,
            ObservationRegistry observations) {
        if (processedEvents == null && subscriptions.stream().anyMatch(EventSubscription::deduplicated)) {
            throw new IllegalStateException(
                    "Event subscriptions need a ProcessedEvents implementation to consume idempotently");
        }
        for (EventSubscription<?> subscription : subscriptions) {
            String name = applicationName + "." + subscription.name();
            groups.put(name, new Group<>(name, subscription, codec, processedEvents, handlerTimeout, observations));
        }
    }

    /** The group ids, in the order the subscriptions were declared. */
    public Set<String> names() {
        return Collections.unmodifiableSet(groups.keySet());
    }

    /** The topic a group reads, if the application runs that group. */
    public Optional<Topic<?>> topicOf(String group) {
        return Optional.ofNullable(groups.get(group))
                .map(found -> found.subscription().topic());
    }

    /**
     * Hands one record (of the group's topic or a copy of one, such as its dead letter) to the group's handler as the
     * group's consumer would, and waits until the handler's effects are durable. Blocks: call it off event loops.
     *
     * @throws UndecodableEventException if the record holds no event of the group's topic
     * @throws IllegalArgumentException if the application runs no such group
     * @throws RuntimeException whatever the handler failed with
     */
    public void handle(String group, ConsumerRecord<String, byte[]> record) {
        group(group).handleAlone(record);
    }

    /**
     * The event a group's handler would be handed for the record, without handing it over.
     *
     * @throws UndecodableEventException if the record holds no event of the group's topic
     * @throws IllegalArgumentException if the application runs no such group
     */
    public IntegrationEvent decode(String group, ConsumerRecord<String, byte[]> record) {
        return group(group).decode(record);
    }

    /**
     * Whether the group has handled the event, for a group that records the events it handles; empty for one whose
     * handler is idempotent by its state, which keeps no such record. Blocks: call it off event loops.
     */
    public Optional<Boolean> handledBefore(String group, UUID eventId) {
        Group<?> found = group(group);
        return found.subscription().deduplicated()
                ? Optional.ofNullable(
                        found.processedEvents().handled(found.name(), eventId).block(found.handlerTimeout()))
                : Optional.empty();
    }

    private Group<?> group(String name) {
        Group<?> found = groups.get(name);
        if (found == null) {
            throw new IllegalArgumentException("no consumer group " + name + " in this application");
        }
        return found;
    }

    Collection<Group<?>> all() {
        return groups.values();
    }

    /** One subscription's group: how its records become events and reach its handler. */
    record Group<E extends IntegrationEvent>(
            String name,
            EventSubscription<E> subscription,
            EventCodec codec,
            ProcessedEvents processedEvents,
            Duration handlerTimeout,
            ObservationRegistry observations) {

        E decode(ConsumerRecord<String, byte[]> record) {
            return codec.decode(subscription.topic(), record);
        }

        /** The record's own trace (a child of its producer's), open while its event is handled. */
        Observation observe(ConsumerRecord<String, byte[]> record) {
            return Observation.createNotStarted(
                            "bookstore.event.handling",
                            () -> new KafkaRecordReceiverContext(record, name, () -> null),
                            observations)
                    .lowCardinalityKeyValue("subscription", name)
                    .start();
        }

        /** Runs the handler for a batch, deduplicated if the subscription is, and waits for it. */
        void run(List<Delivered<E>> batch) {
            Mono<Void> handling = subscription.deduplicated()
                    ? processedEvents.once(name, batch, subscription.handler()::on)
                    : subscription.handler().on(batch);
            handling.timeout(handlerTimeout).block();
        }

        void handleAlone(ConsumerRecord<String, byte[]> record) {
            Observation observation = observe(record);
            try {
                run(List.of(new Delivered<>(decode(record), observation)));
            } catch (RuntimeException failure) {
                observation.error(failure);
                throw failure;
            } finally {
                observation.stop();
            }
        }
    }
}
