package bookstore.order;

import bookstore.events.CloudEvents;
import bookstore.events.IntegrationEvent;
import bookstore.events.Topic;
import bookstore.platform.messaging.EventCodec;
import bookstore.testsupport.ConsumerGroups;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The test's seat on the broker: it reads what order-service published (commands and events, from
 * the beginning of each topic, outside any consumer group) and publishes what the other services
 * would, as real records with CloudEvents headers.
 */
public final class SagaTraffic implements AutoCloseable {

    private final String bootstrapServers;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaTemplate<String, byte[]> kafka;
    private final EventCodec codec;
    private final Map<String, List<ConsumerRecord<String, byte[]>>> seen = new HashMap<>();

    public SagaTraffic(
            String bootstrapServers, KafkaTemplate<String, byte[]> kafka, EventCodec codec, Topic<?>... read) {
        this.bootstrapServers = bootstrapServers;
        this.kafka = kafka;
        this.codec = codec;
        consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (Topic<?> topic : read) {
            consumer.partitionsFor(topic.name())
                    .forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
            seen.put(topic.name(), new ArrayList<>());
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** The events about one aggregate published on a topic so far, in order, after one more poll. */
    public synchronized <E extends IntegrationEvent> List<E> published(Topic<E> topic, String key) {
        consumer.poll(Duration.ofMillis(100))
                .forEach(record -> seen.get(record.topic()).add(record));
        return seen.get(topic.name()).stream()
                .filter(record -> key.equals(record.key()))
                .map(record -> codec.decode(topic, record))
                .toList();
    }

    /** The events of one type about one aggregate. */
    public <E extends IntegrationEvent, T extends E> List<T> published(Topic<E> topic, String key, Class<T> type) {
        return published(topic, key).stream()
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    /** Publishes events together, as one producer batch, so that a consumer is likely to poll them at once. */
    public <E extends IntegrationEvent> void sendAll(Topic<E> topic, List<? extends E> events) {
        var sends =
                events.stream().map(event -> kafka.send(record(topic, event))).toList();
        kafka.flush();
        sends.forEach(CompletableFuture::join);
    }

    /** Publishes an event as its producing service would; tells where it landed. */
    public <E extends IntegrationEvent> Sent send(Topic<E> topic, E event) {
        var metadata = kafka.send(record(topic, event)).join().getRecordMetadata();
        return new Sent(new TopicPartition(metadata.topic(), metadata.partition()), metadata.offset());
    }

    private <E extends IntegrationEvent> ProducerRecord<String, byte[]> record(Topic<E> topic, E event) {
        var record = new ProducerRecord<>(topic.name(), event.aggregateId(), codec.encode(event));
        header(record, CloudEvents.ID, event.eventId().toString());
        header(record, CloudEvents.TYPE, CloudEvents.typeOf(event.getClass()));
        header(record, CloudEvents.SOURCE, "/bookstore/tests");
        header(record, CloudEvents.SPECVERSION, CloudEvents.SPEC_VERSION);
        header(record, CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
        return record;
    }

    /** Whether a consumer group has handled the record: its committed position is past it. */
    public boolean consumed(String group, Sent sent) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return ConsumerGroups.handled(admin, group, sent.partition(), sent.offset());
        }
    }

    /** Where a record was published. */
    public record Sent(TopicPartition partition, long offset) {}

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
