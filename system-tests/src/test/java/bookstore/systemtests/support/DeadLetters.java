package bookstore.systemtests.support;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** How many records the shop's dead-letter topics hold: what its consumers gave up on. */
public final class DeadLetters {

    private DeadLetters() {}

    /** Records per dead-letter topic, by the end offsets of its partitions. */
    public static Map<String, Long> count(Shop shop) throws Exception {
        try (Admin kafka =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, shop.kafkaBootstrapServers()))) {
            Set<String> topics = kafka.listTopics().names().get().stream()
                    .filter(topic -> topic.endsWith(".dlt"))
                    .collect(Collectors.toSet());
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            kafka.describeTopics(topics).allTopicNames().get().forEach((topic, description) -> description
                    .partitions()
                    .forEach(partition ->
                            latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
            Map<String, Long> counts = new HashMap<>();
            topics.forEach(topic -> counts.put(topic, 0L));
            kafka.listOffsets(latest)
                    .all()
                    .get()
                    .forEach((partition, end) -> counts.merge(partition.topic(), end.offset(), Long::sum));
            return counts;
        }
    }
}
