package bookstore.analytics.imports;

import bookstore.events.CloudEvents;
import bookstore.events.Topics;
import bookstore.events.analytics.SaleImported;
import bookstore.platform.messaging.EventCodec;
import java.nio.charset.StandardCharsets;
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

/** Reads {@code sales.imports.v1} from its beginning to its current end, outside any consumer group. */
public final class ImportsTopic {

    private static final EventCodec CODEC = new EventCodec();

    private ImportsTopic() {}

    /** Every record the topic holds now. */
    public static List<ConsumerRecord<String, byte[]>> records(String bootstrapServers) {
        String topic = Topics.SALES_IMPORTS.name();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The imported sales whose order id starts with the prefix, in topic order per partition. */
    public static List<SaleImported> salesOfOrders(String bootstrapServers, String orderIdPrefix) {
        return records(bootstrapServers).stream()
                .filter(record -> record.key().startsWith(orderIdPrefix))
                .map(ImportsTopic::sale)
                .toList();
    }

    public static SaleImported sale(ConsumerRecord<String, byte[]> record) {
        return (SaleImported) CODEC.decode(Topics.SALES_IMPORTS, record);
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String type(ConsumerRecord<?, ?> record) {
        return header(record, CloudEvents.TYPE);
    }
}
