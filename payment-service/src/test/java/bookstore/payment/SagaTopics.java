package bookstore.payment;

import bookstore.events.CloudEvents;
import bookstore.events.Topics;
import bookstore.events.order.PaymentCommand;
import bookstore.events.payment.PaymentEvent;
import bookstore.platform.messaging.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Plays the order saga's part on the real broker: sends payment commands as order-service would
 * (JSON value, CloudEvents headers, keyed by order) and reads the payment events that come back,
 * from the beginning of the topic and outside any consumer group.
 */
final class SagaTopics implements AutoCloseable {

    private final KafkaTemplate<String, byte[]> kafka;
    private final EventCodec codec;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    SagaTopics(KafkaTemplate<String, byte[]> kafka, EventCodec codec, String bootstrapServers) {
        this.kafka = kafka;
        this.codec = codec;
        this.consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        String topic = Topics.PAYMENT_EVENTS.name();
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Sends a command; sending the same command again is a redelivery (same event id). */
    void send(PaymentCommand command) {
        kafka.send(record(command)).join();
    }

    /** Sends a command as part of the trace a W3C {@code traceparent} header names. */
    void send(PaymentCommand command, String traceparent) {
        var record = record(command);
        header(record, CloudEvents.TRACEPARENT, traceparent);
        kafka.send(record).join();
    }

    private ProducerRecord<String, byte[]> record(PaymentCommand command) {
        var record = new ProducerRecord<>(Topics.PAYMENT_COMMANDS.name(), command.orderId(), codec.encode(command));
        header(record, CloudEvents.ID, command.eventId().toString());
        header(record, CloudEvents.TYPE, CloudEvents.typeOf(command.getClass()));
        header(record, CloudEvents.SOURCE, CloudEvents.sourceOf("order-service"));
        header(record, CloudEvents.SPECVERSION, CloudEvents.SPEC_VERSION);
        return record;
    }

    /** The payment events published for an order so far, in order. */
    List<PaymentEvent> eventsFor(String orderId) {
        return recordsFor(orderId).stream()
                .map(record -> (PaymentEvent) codec.decode(Topics.PAYMENT_EVENTS, record))
                .toList();
    }

    /** The trace id in the {@code traceparent} header of each event of a type for an order; "none" without one. */
    List<String> traceIdsOf(String orderId, Class<? extends PaymentEvent> type) {
        return recordsFor(orderId).stream()
                .filter(record -> type.isInstance(codec.decode(Topics.PAYMENT_EVENTS, record)))
                .map(record -> Optional.ofNullable(record.headers().lastHeader(CloudEvents.TRACEPARENT))
                        .map(header -> new String(header.value(), StandardCharsets.UTF_8).split("-")[1])
                        .orElse("none"))
                .toList();
    }

    private synchronized List<ConsumerRecord<String, byte[]>> recordsFor(String orderId) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen.stream().filter(record -> orderId.equals(record.key())).toList();
    }

    /** The events of an order of one type. */
    <E extends PaymentEvent> List<E> eventsFor(String orderId, Class<E> type) {
        return eventsFor(orderId).stream()
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
