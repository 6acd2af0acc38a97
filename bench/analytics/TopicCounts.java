import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What the analytics application wrote per input record, which does not depend on the machine: the records (and
 * their key and value bytes) on each of its repartition and changelog topics, read to the end as a read_committed
 * reader sees them (a compacted changelog keeps the last record per key, a repartition topic is purged once read), and
 * the offsets they took from offset 0 (the application id is new, so its topics are): every record written, plus the
 * commit markers of exactly-once transactions.
 *
 * <p>Environment: KAFKA, GROUP (the application id), OUT. Writes OUT/topics.properties.
 */
public final class TopicCounts {

    public static void main(String[] args) throws Exception {
        BenchEnv env = new BenchEnv();
        String kafka = env.required("KAFKA");
        String group = env.required("GROUP");
        Path out = Path.of(env.required("OUT"));
        Properties result = new Properties();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            List<String> topics = new ArrayList<>(IngestWatch.INPUTS);
            topics.addAll(IngestWatch.internal(admin, group, "-repartition"));
            topics.addAll(IngestWatch.internal(admin, group, "-changelog"));
            Properties consumerProperties = new Properties();
            consumerProperties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
            consumerProperties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            consumerProperties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
            consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                    consumerProperties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                for (String topic : topics) {
                    List<TopicPartition> partitions = IngestWatch.partitions(admin, List.of(topic));
                    Map<TopicPartition, Long> ends = IngestWatch.ends(admin, partitions);
                    long offsets = ends.values().stream().mapToLong(Long::longValue).sum();
                    long[] counted = count(consumer, partitions, ends);
                    result.put("records." + topic, String.valueOf(counted[0]));
                    result.put("bytes." + topic, String.valueOf(counted[1]));
                    result.put("offsets." + topic, String.valueOf(offsets));
                    System.out.printf("%-70s %,10d records %,14d bytes %,10d offsets%n", topic, counted[0],
                            counted[1], offsets);
                }
            }
        }
        BenchEnv.write(out.resolve("topics.properties"), result);
    }

    private static long[] count(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
            Map<TopicPartition, Long> ends) {
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        long records = 0;
        long bytes = 0;
        long idleSince = System.nanoTime();
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
            var batch = consumer.poll(Duration.ofMillis(500));
            for (ConsumerRecord<byte[], byte[]> record : batch) {
                records++;
                bytes += Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize());
            }
            if (!batch.isEmpty()) {
                idleSince = System.nanoTime();
            } else if (System.nanoTime() - idleSince > Duration.ofSeconds(30).toNanos()) {
                throw new IllegalStateException("no records for 30 s before the end of " + partitions);
            }
        }
        return new long[] {records, bytes};
    }
}
