package bookstore.inventory;

import bookstore.events.IntegrationEvent;
import bookstore.events.Topic;
import bookstore.platform.messaging.EventCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic from its beginning, outside any consumer group, and decodes its events the way
 * a consumer of the contract would.
 */
public final class TopicReader<E extends IntegrationEvent> implements AutoCloseable {

    private final Topic<E> topic;
    private final EventCodec codec;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public TopicReader(String bootstrapServers, Topic<E> topic, EventCodec codec) {
        this(bootstrapServers, topic.name(), topic, codec);
    }

    private TopicReader(String bootstrapServers, String name, Topic<E> topic, EventCodec codec) {
        this.topic = topic;
        this.codec = codec;
        consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(name).stream()
                .map(p -> new TopicPartition(name, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads a topic's dead-letter topic; its records are kept raw. */
    public static <E extends IntegrationEvent> TopicReader<E> deadLetters(
            String bootstrapServers, Topic<E> topic, EventCodec codec) {
        return new TopicReader<>(bootstrapServers, topic.deadLetterTopic(), topic, codec);
    }

    /** Every record so far, after one more poll. */
    public synchronized List<ConsumerRecord<String, byte[]>> records() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return List.copyOf(seen);
    }

    /** The events about one aggregate (the record key), in topic order. */
    public List<E> eventsAbout(String key) {
        return records().stream()
                .filter(record -> key.equals(record.key()))
                .map(record -> codec.decode(topic, record))
                .toList();
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
