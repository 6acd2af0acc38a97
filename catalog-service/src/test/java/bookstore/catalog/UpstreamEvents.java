package bookstore.catalog;

import bookstore.events.CloudEvents;
import bookstore.events.IntegrationEvent;
import bookstore.events.Money;
import bookstore.events.Topic;
import bookstore.events.inventory.StockLevelChanged;
import bookstore.events.order.SaleRecorded;
import bookstore.events.order.SaleReturned;
import bookstore.testsupport.ConsumerGroups;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/** Plays the services the catalogue listens to: produces their facts straight to Kafka, as they will. */
public final class UpstreamEvents implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final AdminClient admin;
    private final JsonMapper json = JsonMapper.builder().build();

    public UpstreamEvents(String bootstrapServers) {
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(),
                new ByteArraySerializer());
        admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Inventory's fact that a book's stock changed. */
    public static StockLevelChanged stockChanged(String bookId, int available, long version) {
        return new StockLevelChanged(UUID.randomUUID(), Instant.now(), bookId, available, 0, available, version);
    }

    /** Order-service's fact that a confirmed order sold copies of a book. */
    public static SaleRecorded sold(String bookId, int quantity) {
        Instant now = Instant.now();
        return new SaleRecorded(
                UUID.randomUUID(),
                now,
                "order-" + UUID.randomUUID(),
                bookId,
                quantity,
                new Money(4_500, "CNY"),
                "customer-" + UUID.randomUUID(),
                now);
    }

    /** Order-service's correction that copies of a sale came back with a return. */
    public static SaleReturned returned(SaleRecorded sale, int quantity) {
        Instant now = Instant.now();
        return new SaleReturned(
                UUID.randomUUID(),
                now,
                sale.orderId(),
                UUID.randomUUID().toString(),
                sale.bookId(),
                quantity,
                sale.unitPrice(),
                sale.customer(),
                now);
    }

    /** Sends a fact, keyed and enveloped as its producer sends it, and returns where it landed. */
    public <E extends IntegrationEvent> RecordMetadata send(Topic<? super E> topic, E event) throws Exception {
        var record =
                new ProducerRecord<String, byte[]>(topic.name(), event.aggregateId(), json.writeValueAsBytes(event));
        String type = CloudEvents.typeOf(event.getClass());
        String producerService = type.substring(type.indexOf('.') + 1, type.lastIndexOf('.')) + "-service";
        header(record, CloudEvents.ID, event.eventId().toString());
        header(record, CloudEvents.TYPE, type);
        header(record, CloudEvents.SOURCE, CloudEvents.sourceOf(producerService));
        header(record, CloudEvents.SPECVERSION, CloudEvents.SPEC_VERSION);
        return producer.send(record).get(10, TimeUnit.SECONDS);
    }

    /** Whether a consumer group has handled (and committed) everything up to and including a record. */
    public boolean handled(String group, RecordMetadata record) {
        return ConsumerGroups.handled(
                admin, group, new TopicPartition(record.topic(), record.partition()), record.offset());
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
