package bookstore.platform.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * One dead letter in full: its summary, every header in the record's order, and the payload. Values are shown as
 * text: UTF-8 as it is, the recoverer's binary numbers as decimals, anything else in base64 (and said so).
 *
 * @param payloadEncoding {@code utf-8}, or {@code base64} for a payload that is not UTF-8 text
 */
public record DeadLetterDetail(
        DeadLetter deadLetter, List<HeaderValue> headers, String payload, String payloadEncoding) {

    /** The headers Spring Kafka's recoverer writes as binary numbers. */
    private static final Set<String> NUMBERS = Set.of(
            KafkaHeaders.DLT_ORIGINAL_PARTITION, KafkaHeaders.DLT_ORIGINAL_OFFSET, KafkaHeaders.DLT_ORIGINAL_TIMESTAMP);

    /** @param encoding {@code utf-8}, {@code number} or {@code base64} */
    public record HeaderValue(String name, String value, String encoding) {}

    static DeadLetterDetail of(ConsumerRecord<String, byte[]> record, Redrive lastRedrive) {
        List<HeaderValue> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(valueOf(header));
        }
        byte[] payload = record.value();
        String text = payload == null ? null : utf8(payload);
        return new DeadLetterDetail(
                DeadLetter.of(record, lastRedrive),
                headers,
                text != null || payload == null ? text : Base64.getEncoder().encodeToString(payload),
                text != null || payload == null ? "utf-8" : "base64");
    }

    private static HeaderValue valueOf(Header header) {
        byte[] value = header.value() == null ? new byte[0] : header.value();
        Long number = NUMBERS.contains(header.key()) ? DeadLetter.number(value) : null;
        if (number != null) {
            return new HeaderValue(header.key(), number.toString(), "number");
        }
        String text = utf8(value);
        return text != null
                ? new HeaderValue(header.key(), text, "utf-8")
                : new HeaderValue(header.key(), Base64.getEncoder().encodeToString(value), "base64");
    }

    /** The bytes as text if they are valid UTF-8, else null. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notText) {
            return null;
        }
    }
}
