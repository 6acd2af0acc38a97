package bookstore.platform.messaging;

import bookstore.events.IntegrationEvent;
import bookstore.platform.TransientFailures;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import reactor.core.publisher.Mono;

/**
 * Runs one Kafka consumer group per {@link EventSubscription} bean of the application, handing each
 * poll's records to the subscription as one batch.
 */
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
            properties.setMessageListener(
                    new BatchListener<>(group, subscription, codec, processedEvents, handlerTimeout, observations));
            var container = new ConcurrentMessageListenerContainer<>(consumers, properties);
            container.setConcurrency(subscription.concurrency());
            container.setCommonErrorHandler(errorHandler);
            container.setBeanName(group);
            containers.add(container);
        }
    }

    /**
     * One subscription's consumer threads. The consumer thread waits for the handler: the offsets of a
     * batch are committed only after the handler's transaction has committed.
     */
    private static final class BatchListener<E extends IntegrationEvent>
            implements BatchMessageListener<String, byte[]> {

        private final String group;
        private final EventSubscription<E> subscription;
        private final EventCodec codec;
        private final ProcessedEvents processedEvents;
        private final Duration handlerTimeout;
        private final ObservationRegistry observations;

        BatchListener(
                String group,
                EventSubscription<E> subscription,
                EventCodec codec,
                ProcessedEvents processedEvents,
                Duration handlerTimeout,
                ObservationRegistry observations) {
            this.group = group;
            this.subscription = subscription;
            this.codec = codec;
            this.processedEvents = processedEvents;
            this.handlerTimeout = handlerTimeout;
            this.observations = observations;
        }

        /**
         * A record that cannot be decoded ends the batch: the records before it are handled, it goes
         * to the dead-letter topic at once (no retry decodes it), the ones after it come again.
         */
        @Override
        public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
            List<Delivered<E>> batch = new ArrayList<>(records.size());
            UndecodableEventException undecodable = null;
            try {
                for (ConsumerRecord<String, byte[]> record : records) {
                    Observation observation = observe(record);
                    try {
                        batch.add(new Delivered<>(codec.decode(subscription.topic(), record), observation));
                    } catch (UndecodableEventException e) {
                        observation.error(e).stop();
                        undecodable = e;
                        break;
                    }
                }
                if (!batch.isEmpty()) {
                    handleAsOne(records, batch);
                }
            } finally {
                batch.forEach(delivered -> delivered.observation().stop());
            }
            if (undecodable != null) {
                throw new BatchListenerFailedException("undecodable record", undecodable, batch.size());
            }
        }

        /** The record's own trace (a child of its producer's), open while its event is handled. */
        private Observation observe(ConsumerRecord<String, byte[]> record) {
            return Observation.createNotStarted(
                            "bookstore.event.handling",
                            () -> new KafkaRecordReceiverContext(record, group, () -> null),
                            observations)
                    .lowCardinalityKeyValue("subscription", group)
                    .start();
        }

        private void handleAsOne(List<ConsumerRecord<String, byte[]>> records, List<Delivered<E>> batch) {
            try {
                run(batch);
            } catch (RuntimeException failure) {
                if (TransientFailures.isTransient(failure)) {
                    // The error handler waits and delivers the whole batch again.
                    throw failure;
                }
                narrowDown(records, batch, failure);
            }
        }

        /**
         * The batch failed for a reason no retry of the whole cures: each record alone, in offset
         * order, finds the one that fails. The ones before it take effect; it is reported by index,
         * so the error handler retries it and then dead-letters it alone, and the rest come again.
         */
        private void narrowDown(
                List<ConsumerRecord<String, byte[]>> records, List<Delivered<E>> batch, RuntimeException failure) {
            if (batch.size() == 1) {
                throw new BatchListenerFailedException("handler failed", failure, 0);
            }
            for (int index = 0; index < batch.size(); index++) {
                try {
                    run(List.of(batch.get(index)));
                } catch (RuntimeException alone) {
                    if (TransientFailures.isTransient(alone)) {
                        throw alone;
                    }
                    throw new BatchListenerFailedException("handler failed", alone, records.get(index));
                }
            }
            // Each record alone succeeded, so what failed was the batch as a whole; it is done now.
        }

        private void run(List<Delivered<E>> batch) {
            Mono<Void> handling = subscription.deduplicated()
                    ? processedEvents.once(group, batch, subscription.handler()::on)
                    : subscription.handler().on(batch);
            handling.timeout(handlerTimeout).block();
        }
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
