package bookstore.payment;

import bookstore.events.CloudEvents;
import bookstore.events.Topics;
import bookstore.events.order.PaymentCommand;
import bookstore.events.payment.PaymentEvent;
import bookstore.platform.messaging.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
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
 * from the beginning of the topic and outside any consumer group. Each read takes in everything
 * published up to then.
 */
final class SagaTopics implements AutoCloseable {

    /** The consumer group the service takes payment commands in. */
    private static final String COMMANDS_GROUP = "payment-service.payment-commands";

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaTemplate<String, byte[]> kafka;
    private final EventCodec codec;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final Admin admin;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    SagaTopics(KafkaTemplate<String, byte[]> kafka, EventCodec codec, String bootstrapServers) {
        this.kafka = kafka;
        this.codec = codec;
        this.consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        String topic = Topics.PAYMENT_EVENTS.name();
        this.partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /**
     * Sends commands together, as one flush of the producer, so the service's consumer is likely to
     * take them in one poll; returns once the broker has them all.
     */
    void sendTogether(List<? extends PaymentCommand> commands) {
        List<CompletableFuture<?>> sent = new ArrayList<>();
        commands.forEach(command -> sent.add(kafka.send(record(command))));
        kafka.flush();
        sent.forEach(CompletableFuture::join);
    }

    /** Whether the service has taken (and committed) every command sent so far. */
    boolean commandsTaken() throws Exception {
        String topic = Topics.PAYMENT_COMMANDS.name();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int partition = 0; partition < Topics.PAYMENT_COMMANDS.partitions(); partition++) {
            latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
        }
        var ends = admin.listOffsets(latest).all().get();
        var committed = admin.listConsumerGroupOffsets(COMMANDS_GROUP)
                .partitionsToOffsetAndMetadata()
                .get();
        return ends.entrySet().stream().allMatch(end -> {
            var taken = committed.get(end.getKey());
            return end.getValue().offset() == 0
                    || (taken != null && taken.offset() >= end.getValue().offset());
        });
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
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + Topics.PAYMENT_EVENTS.name() + " to its end");
            }
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        }
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
        admin.close();
    }
}
