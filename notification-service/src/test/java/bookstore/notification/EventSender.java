package bookstore.notification;

import bookstore.events.CloudEvents;
import bookstore.events.IntegrationEvent;
import bookstore.events.Topic;
import bookstore.platform.messaging.EventCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Plays the other services' part: puts their events on Kafka as real records, in the envelope their outbox relays
 * use.
 */
public final class EventSender {

    private final KafkaTemplate<String, byte[]> kafka;
    private final EventCodec codec;

    public EventSender(KafkaTemplate<String, byte[]> kafka, EventCodec codec) {
        this.kafka = kafka;
        this.codec = codec;
    }

    /** Sends events in order and waits until Kafka has them all. */
    @SafeVarargs
    public final <E extends IntegrationEvent> void send(Topic<E> topic, E... events) {
        List.of(events).stream()
                .map(event -> kafka.send(record(topic, event)))
                .toList()
                .forEach(sent -> sent.join());
    }

    private <E extends IntegrationEvent> ProducerRecord<String, byte[]> record(Topic<E> topic, E event) {
        var record = new ProducerRecord<>(topic.name(), event.aggregateId(), codec.encode(event));
        header(record, CloudEvents.ID, event.eventId().toString());
        header(record, CloudEvents.TYPE, CloudEvents.typeOf(event.getClass()));
        header(record, CloudEvents.SOURCE, CloudEvents.sourceOf("notification-tests"));
        header(record, CloudEvents.SPECVERSION, CloudEvents.SPEC_VERSION);
        header(record, CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
