package bookstore.inventory;

import bookstore.events.CloudEvents;
import bookstore.events.IntegrationEvent;
import bookstore.events.Topic;
import bookstore.platform.messaging.EventCodec;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Plays the other services' part: puts their events and commands on Kafka as real records, in the
 * envelope their outbox relays use.
 */
public final class EventSender {

    private final KafkaTemplate<String, byte[]> kafka;
    private final EventCodec codec;

    public EventSender(KafkaTemplate<String, byte[]> kafka, EventCodec codec) {
        this.kafka = kafka;
        this.codec = codec;
    }

    /** Sends one event and waits until Kafka has it; returns where it was written. */
    public <E extends IntegrationEvent> RecordMetadata send(Topic<E> topic, E event) {
        return kafka.send(record(topic, event, codec)).join().getRecordMetadata();
    }

    /** An event as a record, keyed by its aggregate, in the CloudEvents envelope. */
    static <E extends IntegrationEvent> ProducerRecord<String, byte[]> record(
            Topic<E> topic, E event, EventCodec codec) {
        var record = new ProducerRecord<>(topic.name(), event.aggregateId(), codec.encode(event));
        header(record, CloudEvents.ID, event.eventId().toString());
        header(record, CloudEvents.TYPE, CloudEvents.typeOf(event.getClass()));
        header(record, CloudEvents.SOURCE, CloudEvents.sourceOf("inventory-tests"));
        header(record, CloudEvents.SPECVERSION, CloudEvents.SPEC_VERSION);
        header(record, CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
