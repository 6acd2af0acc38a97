package bookstore.platform.messaging;

import bookstore.events.CloudEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * An event as an outbox stores it, ready to become a Kafka record: key, JSON value and the
 * CloudEvents binary-mode headers.
 *
 * @param traceparent the W3C trace context of the request that caused the event, or null
 */
public record OutgoingEvent(
        UUID eventId, String topic, String key, String type, byte[] payload, Instant occurredAt, String traceparent) {

    private static final DateTimeFormatter CE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

    ProducerRecord<String, byte[]> toRecord(String source) {
        var record = new ProducerRecord<String, byte[]>(topic, key, payload);
        header(record, CloudEvents.ID, eventId.toString());
        header(record, CloudEvents.TYPE, type);
        header(record, CloudEvents.SOURCE, source);
        header(record, CloudEvents.TIME, CE_TIME.format(occurredAt));
        header(record, CloudEvents.SPECVERSION, CloudEvents.SPEC_VERSION);
        header(record, CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
        if (traceparent != null) {
            header(record, CloudEvents.TRACEPARENT, traceparent);
        }
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
