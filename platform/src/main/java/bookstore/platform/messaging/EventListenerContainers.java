package bookstore.platform.messaging;

import bookstore.events.IntegrationEvent;
import bookstore.platform.TransientFailures;
import io.micrometer.observation.Observation;
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

/**
 * Runs one Kafka consumer group per {@link EventSubscription} bean of the application, handing each
 * poll's records to the subscription as one batch.
 */
final class EventListenerContainers implements SmartLifecycle {

    private final List<ConcurrentMessageListenerContainer<String, byte[]>> containers = new ArrayList<>();

    EventListenerContainers(
            SubscribedGroups groups, ConsumerFactory<String, byte[]> consumers, CommonErrorHandler errorHandler) {
        for (SubscribedGroups.Group<?> group : groups.all()) {
            ContainerProperties properties =
                    new ContainerProperties(group.subscription().topic().name());
            properties.setGroupId(group.name());
            properties.setMessageListener(new BatchListener<>(group));
            var container = new ConcurrentMessageListenerContainer<>(consumers, properties);
            container.setConcurrency(group.subscription().concurrency());
            container.setCommonErrorHandler(errorHandler);
            container.setBeanName(group.name());
            containers.add(container);
        }
    }

    /**
     * One subscription's consumer threads. The consumer thread waits for the handler: the offsets of a
     * batch are committed only after the handler's transaction has committed.
     */
    private static final class BatchListener<E extends IntegrationEvent>
            implements BatchMessageListener<String, byte[]> {

        private final SubscribedGroups.Group<E> group;

        BatchListener(SubscribedGroups.Group<E> group) {
            this.group = group;
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
                    Observation observation = group.observe(record);
                    try {
                        batch.add(new Delivered<>(group.decode(record), observation));
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

        private void handleAsOne(List<ConsumerRecord<String, byte[]>> records, List<Delivered<E>> batch) {
            try {
                group.run(batch);
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
                    group.run(List.of(batch.get(index)));
                } catch (RuntimeException alone) {
                    if (TransientFailures.isTransient(alone)) {
                        throw alone;
                    }
                    throw new BatchListenerFailedException("handler failed", alone, records.get(index));
                }
            }
            // Each record alone succeeded, so what failed was the batch as a whole; it is done now.
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
