package bookstore.platform.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerUtils;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * What happens to a batch that failed. A failure pinned on one record ({@link
 * BatchListenerFailedException}) goes to the dead-letter handler, which retries that record a few
 * times and then parks it on the dead-letter topic; the records before it are done, the ones after
 * it come again. Any other failure is one of the infrastructure (the listener lets only those
 * through, see {@link TransientFailures}): the whole batch is delivered again after a back-off that
 * doubles up to a maximum, for as long as the failure lasts, and nothing is dead-lettered.
 */
final class SubscriptionErrorHandler implements CommonErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionErrorHandler.class);

    private final DefaultErrorHandler deadLetters;
    private final Duration firstBackOff;
    private final Duration maxBackOff;

    /** Per consumer: the batch that failed last and how often in a row. */
    private final Map<Consumer<?, ?>, Failure> lastFailures = new ConcurrentHashMap<>();

    SubscriptionErrorHandler(DefaultErrorHandler deadLetters, Duration firstBackOff, Duration maxBackOff) {
        this.deadLetters = deadLetters;
        this.firstBackOff = firstBackOff;
        this.maxBackOff = maxBackOff;
    }

    @Override
    public void handleBatch(
            Exception thrown,
            ConsumerRecords<?, ?> data,
            Consumer<?, ?> consumer,
            MessageListenerContainer container,
            Runnable invokeListener) {
        if (pinnedOnOneRecord(thrown)) {
            lastFailures.remove(consumer);
            deadLetters.handleBatch(thrown, data, consumer, container, invokeListener);
            return;
        }
        Duration backOff = backOffFor(consumer, data);
        log.warn(
                "{} could not handle a batch of {} records; delivering it again in {}",
                container.getGroupId(),
                data.count(),
                backOff,
                thrown);
        // Back to the first offset of every partition of the batch: nothing of it is committed.
        for (TopicPartition partition : data.partitions()) {
            consumer.seek(partition, data.records(partition).getFirst().offset());
        }
        try {
            ListenerUtils.stoppableSleep(container, backOff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Duration backOffFor(Consumer<?, ?> consumer, ConsumerRecords<?, ?> data) {
        ConsumerRecord<?, ?> first = data.iterator().next();
        String batch = first.topic() + "-" + first.partition() + "@" + first.offset();
        Failure failure = lastFailures.merge(
                consumer,
                new Failure(batch, 1),
                (previous, now) -> previous.batch().equals(batch) ? new Failure(batch, previous.times() + 1) : now);
        Duration backOff = firstBackOff.multipliedBy(1L << Math.min(failure.times() - 1, 16));
        return backOff.compareTo(maxBackOff) > 0 ? maxBackOff : backOff;
    }

    private static boolean pinnedOnOneRecord(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof BatchListenerFailedException) {
                return true;
            }
        }
        return false;
    }

    /** The handler positions the consumer itself; the container must not commit the failed batch. */
    @Override
    public boolean seeksAfterHandling() {
        return true;
    }

    @Override
    public void handleOtherException(
            Exception thrown, Consumer<?, ?> consumer, MessageListenerContainer container, boolean batchListener) {
        deadLetters.handleOtherException(thrown, consumer, container, batchListener);
    }

    @Override
    public void clearThreadState() {
        deadLetters.clearThreadState();
    }

    private record Failure(String batch, int times) {}
}
