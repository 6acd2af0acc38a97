package bookstore.platform.messaging;

import bookstore.events.CloudEvents;
import bookstore.events.IntegrationEvent;
import bookstore.events.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * An event as an outbox stores it, ready to become a Kafka record: key, JSON value and the
 * CloudEvents binary-mode headers.
 *
 * @param traceparent the W3C trace context of the request that caused the event, or null
 */
public record OutgoingEvent(
        UUID eventId, String topic, String key, String type, byte[] payload, Instant occurredAt, String traceparent) {

    private static final DateTimeFormatter CE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

    /**
     * An event published straight away rather than through an outbox (a service whose state is the topics
     * themselves, such as analytics), without a trace context.
     */
    public static <E extends IntegrationEvent> OutgoingEvent of(Topic<E> topic, E event, EventCodec codec) {
        return new OutgoingEvent(
                event.eventId(),
                topic.name(),
                event.aggregateId(),
                CloudEvents.typeOf(event.getClass()),
                codec.encode(event),
                event.occurredAt(),
                null);
    }

    ProducerRecord<String, byte[]> toRecord(String source) {
        return new ProducerRecord<>(topic, null, key, payload, headers(source));
    }

    /** The CloudEvents binary-mode headers (and the trace context) of the record, as published by {@code source}. */
    public Headers headers(String source) {
        Headers headers = new RecordHeaders();
        header(headers, CloudEvents.ID, eventId.toString());
        header(headers, CloudEvents.TYPE, type);
        header(headers, CloudEvents.SOURCE, source);
        header(headers, CloudEvents.TIME, CE_TIME.format(occurredAt));
        header(headers, CloudEvents.SPECVERSION, CloudEvents.SPEC_VERSION);
        header(headers, CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
        if (traceparent != null) {
            header(headers, CloudEvents.TRACEPARENT, traceparent);
        }
        return headers;
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
