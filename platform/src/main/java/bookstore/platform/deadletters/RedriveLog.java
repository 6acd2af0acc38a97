package bookstore.platform.deadletters;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the service remembers of its re-drives: a compacted topic of its own, {@code <application>.dead-letters
 * .redrives}, keyed by the dead letter, whose last value per key is the last re-drive. Kept in Kafka rather than in a
 * database because every consuming service has Kafka and not every one has the same database, and because it then
 * lives exactly as long as the cluster that holds the dead letters themselves. Every replica reads the same log.
 */
final class RedriveLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String topic;
    private final KafkaTemplate<String, byte[]> kafka;
    private final DeadLetterTopics topics;
    private final Duration timeout;

    RedriveLog(String topic, KafkaTemplate<String, byte[]> kafka, DeadLetterTopics topics, Duration timeout) {
        this.topic = topic;
        this.kafka = kafka;
        this.topics = topics;
        this.timeout = timeout;
    }

    static String topicOf(String applicationName) {
        return applicationName + ".dead-letters.redrives";
    }

    String topic() {
        return topic;
    }

    /** The last re-drive of each dead letter ever re-driven. Blocks. */
    Map<String, Redrive> all() {
        Map<String, Redrive> last = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record :
                topics.readAll(List.of(topic), record -> record.key() == null ? null : record)) {
            if (record.value() == null) {
                last.remove(record.key());
            } else {
                last.put(record.key(), JSON.readValue(record.value(), Redrive.class));
            }
        }
        return last;
    }

    Optional<Redrive> of(DeadLetterId id) {
        return Optional.ofNullable(all().get(id.key()));
    }

    /** Remembers a re-drive, once Kafka has it on all its replicas. Blocks. */
    void remember(DeadLetterId id, Redrive redrive) {
        try {
            kafka.send(topic, id.key(), JSON.writeValueAsBytes(redrive)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new DataAccessResourceFailureException("Kafka did not take the re-drive of " + id, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataAccessResourceFailureException("Interrupted while remembering the re-drive of " + id, e);
        }
    }
}
