package bookstore.platform.deadletters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Reads topics from their beginning to their end as they are at the moment of asking, outside any consumer group (so
 * nothing is committed and no group's position moves): the dead-letter topics, and the re-drive log. One consumer,
 * opened on the first read and kept, serves the reads one at a time (operators ask seldom; the census once a minute);
 * a read that fails closes it, and the next read opens a fresh one. Blocking: call it off event loops.
 */
final class DeadLetterTopics implements AutoCloseable {

    private final Map<String, Object> config;
    private final Duration timeout;

    private Consumer<String, byte[]> consumer;

    /**
     * @param kafka the client settings every consumer of the service has (servers, security); group and offset
     *     settings are the reader's own
     * @param timeout how long one read may take before it counts as Kafka being away
     */
    DeadLetterTopics(Map<String, Object> kafka, String clientId, Duration timeout) {
        Map<String, Object> settings = new HashMap<>(kafka);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        this.config = Map.copyOf(settings);
        this.timeout = timeout;
    }

    /**
     * What {@code keep} makes of every record of the topics up to their current ends (null for a record it skips), in
     * offset order within each partition. Only what it keeps stays in memory.
     */
    synchronized <T> List<T> readAll(Collection<String> topics, Function<ConsumerRecord<String, byte[]>, T> keep) {
        Consumer<String, byte[]> reader = reader();
        try {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(topic -> reader.partitionsFor(topic, timeout).stream()
                            .map(info -> new TopicPartition(topic, info.partition())))
                    .toList();
            reader.assign(partitions);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions, timeout);
            reader.seekToBeginning(partitions);
            List<T> kept = new ArrayList<>();
            Set<TopicPartition> unread = partitions.stream()
                    .filter(partition -> reader.position(partition, timeout) < ends.get(partition))
                    .collect(Collectors.toSet());
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!unread.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new DataAccessResourceFailureException(
                            "Kafka did not hand over " + unread + " within " + timeout);
                }
                reader.pause(partitions.stream()
                        .filter(partition -> !unread.contains(partition))
                        .toList());
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    T value = record.offset() < ends.get(partition) ? keep.apply(record) : null;
                    if (value != null) {
                        kept.add(value);
                    }
                }
                unread.removeIf(partition -> reader.position(partition, timeout) >= ends.get(partition));
            }
            return kept;
        } catch (KafkaException | DataAccessResourceFailureException failure) {
            throw unreachable(failure);
        } finally {
            unassign();
        }
    }

    /** The record at the offset, if the partition holds it (still: retention may have removed it). */
    synchronized Optional<ConsumerRecord<String, byte[]>> read(String topic, int partition, long offset) {
        Consumer<String, byte[]> reader = reader();
        try {
            boolean known =
                    reader.partitionsFor(topic, timeout).stream().anyMatch(info -> info.partition() == partition);
            if (!known) {
                return Optional.empty();
            }
            TopicPartition where = new TopicPartition(topic, partition);
            reader.assign(List.of(where));
            long begin = reader.beginningOffsets(List.of(where), timeout).get(where);
            long end = reader.endOffsets(List.of(where), timeout).get(where);
            if (offset < begin || offset >= end) {
                return Optional.empty();
            }
            reader.seek(where, offset);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (reader.position(where, timeout) <= offset) {
                if (System.nanoTime() > deadline) {
                    throw new DataAccessResourceFailureException(
                            "Kafka did not hand over " + where + "@" + offset + " within " + timeout);
                }
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    if (record.offset() >= offset) {
                        return record.offset() == offset ? Optional.of(record) : Optional.empty();
                    }
                }
            }
            return Optional.empty();
        } catch (KafkaException | DataAccessResourceFailureException failure) {
            throw unreachable(failure);
        } finally {
            unassign();
        }
    }

    @Override
    public synchronized void close() {
        if (consumer != null) {
            consumer.close(Duration.ZERO);
            consumer = null;
        }
    }

    private Consumer<String, byte[]> reader() {
        if (consumer == null) {
            consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        }
        return consumer;
    }

    /** Nothing stays fetched between reads; a consumer in trouble is replaced on the next one. */
    private void unassign() {
        if (consumer != null) {
            try {
                consumer.unsubscribe();
            } catch (KafkaException broken) {
                close();
            }
        }
    }

    private RuntimeException unreachable(RuntimeException failure) {
        close();
        return failure instanceof DataAccessResourceFailureException
                ? failure
                : new DataAccessResourceFailureException("Kafka could not be read: " + failure.getMessage(), failure);
    }
}
