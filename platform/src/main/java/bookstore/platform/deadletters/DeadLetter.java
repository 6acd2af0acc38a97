package bookstore.platform.deadletters;

import bookstore.events.CloudEvents;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * A dead-lettered record as an operator lists it: where it lies, where it came from, which group gave up on it and
 * why (from the headers Spring Kafka's dead-letter recoverer adds), which event it carries, and its last re-drive.
 *
 * @param lastRedrive null when it was never re-driven
 */
public record DeadLetter(
        String topic,
        int partition,
        long offset,
        Instant timestamp,
        String originalTopic,
        Integer originalPartition,
        Long originalOffset,
        Instant originalTimestamp,
        String group,
        String exceptionClass,
        String exceptionCauseClass,
        String exceptionMessage,
        String eventType,
        String eventId,
        String key,
        Redrive lastRedrive) {

    static DeadLetter of(ConsumerRecord<String, byte[]> record, Redrive lastRedrive) {
        Headers headers = record.headers();
        Long originalTimestamp = number(headers, KafkaHeaders.DLT_ORIGINAL_TIMESTAMP);
        Long originalPartition = number(headers, KafkaHeaders.DLT_ORIGINAL_PARTITION);
        return new DeadLetter(
                record.topic(),
                record.partition(),
                record.offset(),
                Instant.ofEpochMilli(record.timestamp()),
                text(headers, KafkaHeaders.DLT_ORIGINAL_TOPIC),
                originalPartition == null ? null : originalPartition.intValue(),
                number(headers, KafkaHeaders.DLT_ORIGINAL_OFFSET),
                originalTimestamp == null ? null : Instant.ofEpochMilli(originalTimestamp),
                group(record),
                text(headers, KafkaHeaders.DLT_EXCEPTION_FQCN),
                text(headers, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN),
                text(headers, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
                text(headers, CloudEvents.TYPE),
                text(headers, CloudEvents.ID),
                record.key(),
                lastRedrive);
    }

    DeadLetterId id() {
        return new DeadLetterId(topic, partition, offset);
    }

    /** The consumer group that gave up on the record, or null if the header is missing. */
    static String group(ConsumerRecord<?, ?> record) {
        return text(record.headers(), KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
    }

    static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * A number the recoverer wrote in binary: the original partition as four bytes, offsets and times as eight
     * (big-endian, as {@link ByteBuffer} writes them).
     */
    static Long number(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : number(header.value());
    }

    /** Four or eight bytes as a number, else null. */
    static Long number(byte[] value) {
        if (value == null) {
            return null;
        }
        return switch (value.length) {
            case Integer.BYTES -> (long) ByteBuffer.wrap(value).getInt();
            case Long.BYTES -> ByteBuffer.wrap(value).getLong();
            default -> null;
        };
    }
}
