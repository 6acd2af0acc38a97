package bookstore.testsupport;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a service's consumer groups stand. A group commits a record's offset only once its handler
 * has committed what the record did (or the record went to the dead-letter topic), so a group past a
 * record tells a test the record was handled, whether or not it changed anything.
 */
public final class ConsumerGroups {

    private static final Duration ASKING = Duration.ofSeconds(10);

    private ConsumerGroups() {}

    /** Whether the group has committed a position past the record at {@code offset} of the partition. */
    public static boolean handled(Admin admin, String group, TopicPartition partition, long offset) {
        try {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(ASKING.toMillis(), TimeUnit.MILLISECONDS)
                    .get(partition);
            return committed != null && committed.offset() > offset;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not tell the offsets of group " + group, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
