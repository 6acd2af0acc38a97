package bookstore.inventory;

import bookstore.testsupport.ConsumerGroups;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Where inventory's consumer groups stand ({@link ConsumerGroups}), asked through one admin client.
 */
public final class ConsumedOffsets implements AutoCloseable {

    private final Admin admin;

    public ConsumedOffsets(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Whether the inventory service's subscription of this name has handled the record. */
    public boolean handled(String subscription, RecordMetadata record) {
        return ConsumerGroups.handled(
                admin,
                "inventory-service." + subscription,
                new TopicPartition(record.topic(), record.partition()),
                record.offset());
    }

    @Override
    public void close() {
        admin.close();
    }
}
