package bookstore.user;

import static org.awaitility.Awaitility.await;

import bookstore.events.CloudEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a whole topic from its beginning, outside any consumer group, to see what was published. */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public TopicReader(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Everything published so far, after one more poll. */
    public List<ConsumerRecord<String, byte[]>> records() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return List.copyOf(seen);
    }

    /**
     * The payload of the first event of this type published for the key, waited for; {@code type} is
     * the event's simple name, e.g. {@code ContactChanged}.
     */
    public JsonNode awaitEvent(String key, String type) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> events(key, type), found -> !found.isEmpty())
                .getFirst();
    }

    /** The payloads of the events of this type published for the key so far. */
    public List<JsonNode> events(String key, String type) {
        return records().stream()
                .filter(record -> key.equals(record.key()))
                .filter(record -> ("bookstore.user." + type).equals(header(record, CloudEvents.TYPE)))
                .map(record -> JsonMapper.shared().readTree(new String(record.value(), StandardCharsets.UTF_8)))
                .toList();
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
