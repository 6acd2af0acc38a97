package bookstore.inventory;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Where the service's consumer groups stand. A group commits a record's offset only once its handler
 * has committed what the record did (or the record went to the dead-letter topic), so a group past a
 * record tells a test the record was handled, whether or not it changed anything.
 */
public final class ConsumedOffsets implements AutoCloseable {

    private final Admin admin;

    public ConsumedOffsets(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Whether the inventory service's subscription of this name has handled the record. */
    public boolean handled(String subscription, RecordMetadata record) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                            "inventory-service." + subscription)
                    .partitionsToOffsetAndMetadata()
                    .get();
            OffsetAndMetadata position = committed.get(new TopicPartition(record.topic(), record.partition()));
            return position != null && position.offset() > record.offset();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not tell the group's offsets", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
