package bookstore.systemtests.support;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** How many records the shop's dead-letter topics hold: what its consumers gave up on. */
public final class DeadLetters {

    private DeadLetters() {}

    /** Records per dead-letter topic, by the end offsets of its partitions. */
    public static Map<String, Long> count(Shop shop) throws Exception {
        try (Admin kafka =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, shop.kafkaBootstrapServers()))) {
            Map<String, Long> counts = new TreeMap<>();
            TopicEnds.of(kafka, topic -> topic.endsWith(".dlt"))
                    .forEach((partition, end) -> counts.merge(partition.topic(), end, Long::sum));
            return counts;
        }
    }
}
