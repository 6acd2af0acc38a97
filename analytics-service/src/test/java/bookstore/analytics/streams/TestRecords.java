package bookstore.analytics.streams;

import bookstore.events.CloudEvents;
import bookstore.events.IntegrationEvent;
import bookstore.events.Money;
import bookstore.events.Topic;
import bookstore.events.catalog.BookAdded;
import bookstore.events.order.SaleRecorded;
import bookstore.platform.messaging.EventCodec;
import bookstore.platform.messaging.OutgoingEvent;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Records as the shop's services publish them (JSON value, CloudEvents headers), for topology tests, and the
 * settings a {@link TopologyTestDriver} runs the analytics topology with.
 */
public final class TestRecords {

    private static final EventCodec CODEC = new EventCodec();

    private TestRecords() {}

    /** A record of the event as its producer would publish it. */
    public static <E extends IntegrationEvent> TestRecord<String, byte[]> of(Topic<E> topic, E event) {
        OutgoingEvent outgoing = OutgoingEvent.of(topic, event, CODEC);
        return new TestRecord<>(
                outgoing.key(), outgoing.payload(), outgoing.headers(CloudEvents.sourceOf("test")), event.occurredAt());
    }

    /** An input topic of the driver that takes the shop's events. */
    public static <E extends IntegrationEvent> EventInput<E> input(TopologyTestDriver driver, Topic<E> topic) {
        return new EventInput<>(
                topic,
                driver.createInputTopic(
                        topic.name(),
                        Serdes.String().serializer(),
                        Serdes.ByteArray().serializer()));
    }

    /** Publishes events as the shop does. */
    public record EventInput<E extends IntegrationEvent>(Topic<E> topic, TestInputTopic<String, byte[]> input) {

        @SafeVarargs
        public final void publish(E... events) {
            for (E event : events) {
                input.pipeInput(of(topic, event));
            }
        }
    }

    public static Properties driverSettings() {
        Properties settings = new Properties();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "analytics-test");
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        settings.put(
                StreamsConfig.STATE_DIR_CONFIG,
                System.getProperty("java.io.tmpdir") + "/analytics-test-" + UUID.randomUUID());
        return settings;
    }

    public static BookAdded bookAdded(String bookId, String title, String category, long price) {
        return new BookAdded(
                UUID.randomUUID(),
                Instant.parse("2024-01-01T00:00:00Z"),
                bookId,
                "9787536692930",
                title,
                List.of("Author of " + title),
                new Money(price, "CNY"),
                10,
                "Publisher of " + title,
                List.of(category));
    }

    public static SaleRecorded sale(
            String orderId, String bookId, int quantity, long unitPrice, String customer, Instant at) {
        return new SaleRecorded(
                UUID.randomUUID(), at, orderId, bookId, quantity, new Money(unitPrice, "CNY"), customer, at);
    }

    /** A customer pseudonym as the shop makes them: 64 hex digits. */
    public static String customer(int number) {
        return String.format("%064x", number);
    }
}
