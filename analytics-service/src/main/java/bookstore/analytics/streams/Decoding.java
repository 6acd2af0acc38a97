package bookstore.analytics.streams;

import bookstore.events.IntegrationEvent;
import bookstore.events.Topic;
import bookstore.platform.messaging.EventCodec;
import bookstore.platform.messaging.UndecodableEventException;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the shop's events from the records Kafka Streams hands a processor, by their CloudEvents type header. A
 * record that is not a readable event of its topic is logged and skipped: analytics only reads, and one bad record
 * must not stop every report (the producing service's own consumers dead-letter it).
 */
public final class Decoding {

    private static final Logger log = LoggerFactory.getLogger(Decoding.class);
    private static final EventCodec CODEC = new EventCodec();

    private Decoding() {}

    public static <E extends IntegrationEvent> Optional<E> event(Topic<E> topic, Record<String, byte[]> record) {
        try {
            return Optional.of(CODEC.decode(topic, record.headers(), record.value()));
        } catch (UndecodableEventException e) {
            log.warn(
                    "Skipping a record of {} with key {} that is not one of its events: {}",
                    topic.name(),
                    record.key(),
                    e.getMessage());
            return Optional.empty();
        }
    }
}
