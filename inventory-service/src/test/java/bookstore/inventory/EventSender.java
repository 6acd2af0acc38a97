package bookstore.inventory;

import bookstore.events.CloudEvents;
import bookstore.events.IntegrationEvent;
import bookstore.events.Topic;
import bookstore.platform.messaging.EventCodec;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
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

    public <E extends IntegrationEvent> void send(Topic<E> topic, E event) {
        var record = new ProducerRecord<>(topic.name(), event.aggregateId(), codec.encode(event));
        header(record, CloudEvents.ID, event.eventId().toString());
        header(record, CloudEvents.TYPE, CloudEvents.typeOf(event.getClass()));
        header(record, CloudEvents.SOURCE, CloudEvents.sourceOf("inventory-tests"));
        header(record, CloudEvents.SPECVERSION, CloudEvents.SPEC_VERSION);
        header(record, CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
        kafka.send(record).join();
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
