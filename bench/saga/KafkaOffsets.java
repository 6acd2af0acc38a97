import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * Records on the shop's topics: the sum of each topic's end offsets over its partitions, so that
 * two readings give the records produced in between. The shop's topics are every topic but Kafka's
 * internal ones and the bench's own (its raw-limit topics).
 */
final class KafkaOffsets implements AutoCloseable {

    private final Admin admin;
    private final Pattern benchTopics;

    KafkaOffsets(String kafka, String benchTopics) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "saga-bench-offsets");
        this.admin = Admin.create(config);
        this.benchTopics = Pattern.compile(benchTopics);
    }

    /** Topic → the sum of its partitions' end offsets, for every shop topic. */
    Map<String, Long> endOffsets() throws Exception {
        Set<String> topics = new java.util.TreeSet<>(admin.listTopics(new ListTopicsOptions().listInternal(false))
                .names().get(30, TimeUnit.SECONDS));
        topics.removeIf(topic -> topic.startsWith("__") || benchTopics.matcher(topic).matches());
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
            topic.partitions().forEach(p -> partitions.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
        }
        Map<String, Long> offsets = new TreeMap<>();
        topics.forEach(topic -> offsets.put(topic, 0L));
        admin.listOffsets(partitions).all().get(30, TimeUnit.SECONDS)
                .forEach((partition, info) -> offsets.merge(partition.topic(), info.offset(), Long::sum));
        return offsets;
    }

    @Override
    public void close() {
        admin.close();
    }
}
