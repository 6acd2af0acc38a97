package bookstore.platform.messaging;

import bookstore.events.CloudEvents;
import bookstore.events.IntegrationEvent;
import bookstore.events.Topic;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns event records into record values and back. Values are plain JSON of the event record; the
 * record's type travels in the {@code ce_type} header, so the JSON needs no type field. Readers are
 * tolerant: fields they do not know are ignored, which is what lets producers add fields safely.
 */
public final class EventCodec {

    // Tolerant reader: a newer producer may send fields this reader does not know, and an older
    // producer may omit fields added since (a missing number reads as 0).
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public byte[] encode(IntegrationEvent event) {
        return json.writeValueAsBytes(event);
    }

    public <E extends IntegrationEvent> E decode(Topic<E> topic, ConsumerRecord<?, byte[]> record) {
        return decode(topic, record.headers(), record.value());
    }

    /** Decodes a record's value by the {@code ce_type} among its headers (for readers without a ConsumerRecord). */
    public <E extends IntegrationEvent> E decode(Topic<E> topic, Headers headers, byte[] value) {
        String type = header(headers, CloudEvents.TYPE);
        if (type == null) {
            throw new UndecodableEventException("record has no " + CloudEvents.TYPE + " header", null);
        }
        Class<? extends E> eventType = topic.eventTypeFor(type)
                .orElseThrow(() -> new UndecodableEventException(
                        "topic " + topic.name() + " carries no event of type " + type, null));
        if (value == null) {
            throw new UndecodableEventException("record of type " + type + " has no value", null);
        }
        try {
            return json.readValue(value, eventType);
        } catch (JacksonException e) {
            throw new UndecodableEventException("value is not a valid " + type, e);
        }
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        return header(record.headers(), name);
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
