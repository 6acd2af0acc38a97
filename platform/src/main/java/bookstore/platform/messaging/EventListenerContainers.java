package bookstore.platform.messaging;

import bookstore.events.IntegrationEvent;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListener;
import reactor.core.publisher.Mono;

/** Runs one Kafka consumer group per {@link EventSubscription} bean of the application. */
final class EventListenerContainers implements SmartLifecycle {

    private final List<ConcurrentMessageListenerContainer<String, byte[]>> containers = new ArrayList<>();

    EventListenerContainers(
            String applicationName,
            List<EventSubscription<?>> subscriptions,
            ConsumerFactory<String, byte[]> consumers,
            CommonErrorHandler errorHandler,
            EventCodec codec,
            ProcessedEvents processedEvents,
            Duration handlerTimeout,
            ObservationRegistry observations) {
        for (EventSubscription<?> subscription : subscriptions) {
            String group = applicationName + "." + subscription.name();
            ContainerProperties properties =
                    new ContainerProperties(subscription.topic().name());
            properties.setGroupId(group);
            // Continues the producer's trace (its traceparent header) while the handler runs.
            properties.setObservationEnabled(true);
            properties.setObservationRegistry(observations);
            properties.setMessageListener(listener(group, subscription, codec, processedEvents, handlerTimeout));
            var container = new ConcurrentMessageListenerContainer<>(consumers, properties);
            container.setConcurrency(subscription.concurrency());
            container.setCommonErrorHandler(errorHandler);
            container.setBeanName(group);
            containers.add(container);
        }
    }

    private static <E extends IntegrationEvent> MessageListener<String, byte[]> listener(
            String group,
            EventSubscription<E> subscription,
            EventCodec codec,
            ProcessedEvents processedEvents,
            Duration handlerTimeout) {
        return (ConsumerRecord<String, byte[]> record) -> {
            E event = codec.decode(subscription.topic(), record);
            // The consumer thread waits for the handler: records of a partition are handled in order,
            // and the offset is committed only after the handler's transaction has committed. The
            // record's trace, open on this thread, goes into the handler's Reactor context, from which
            // handle() and tap() restore it wherever the chain runs (limited context propagation).
            Mono<Void> handling = subscription.deduplicated()
                    ? processedEvents.once(
                            group, event.eventId(), () -> subscription.handler().on(event))
                    : subscription.handler().on(event);
            handling.contextCapture().block(handlerTimeout);
        };
    }

    @Override
    public void start() {
        containers.forEach(ConcurrentMessageListenerContainer::start);
    }

    @Override
    public void stop() {
        containers.forEach(ConcurrentMessageListenerContainer::stop);
    }

    @Override
    public boolean isRunning() {
        return containers.stream().anyMatch(ConcurrentMessageListenerContainer::isRunning);
    }

    /** Consumers start after everything they call into, and stop before it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }
}
