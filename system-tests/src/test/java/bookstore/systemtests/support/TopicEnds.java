package bookstore.systemtests.support;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** Where the broker's topics end: the next offset of every partition. */
public final class TopicEnds {

    private TopicEnds() {}

    /** The end of every partition of the topics whose names {@code topics} accepts. */
    public static Map<TopicPartition, Long> of(Admin kafka, Predicate<String> topics) throws Exception {
        Set<String> named =
                kafka.listTopics().names().get().stream().filter(topics).collect(Collectors.toSet());
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        kafka.describeTopics(named).allTopicNames().get().forEach((topic, description) -> description
                .partitions()
                .forEach(partition ->
                        latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        kafka.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }
}
