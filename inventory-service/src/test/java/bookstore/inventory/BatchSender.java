package bookstore.inventory;

import bookstore.events.IntegrationEvent;
import bookstore.events.Topic;
import bookstore.platform.messaging.EventCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Puts events on a topic together: the producer holds them until all are sent and then writes each
 * partition's records as one record batch, which a consumer's poll takes whole. This is how the tests
 * hand a subscription several records as one batch.
 */
public final class BatchSender implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final EventCodec codec;

    public BatchSender(String bootstrapServers, EventCodec codec) {
        this.codec = codec;
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        // Nothing leaves before the flush, which sends everything gathered at once.
                        ProducerConfig.LINGER_MS_CONFIG,
                        60_000,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        1 << 20),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /** Sends the events in their order as one batch per partition; returns where each was written. */
    public <E extends IntegrationEvent> List<RecordMetadata> sendTogether(Topic<E> topic, List<? extends E> events) {
        List<Future<RecordMetadata>> sent = events.stream()
                .map(event -> producer.send(EventSender.record(topic, event, codec)))
                .toList();
        producer.flush();
        return sent.stream().map(BatchSender::written).toList();
    }

    /** The partition Kafka's default partitioner gives a key. */
    public static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private static RecordMetadata written(Future<RecordMetadata> sending) {
        try {
            return sending.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused a record", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
