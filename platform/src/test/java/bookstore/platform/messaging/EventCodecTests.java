package bookstore.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bookstore.events.CloudEvents;
import bookstore.events.Topics;
import bookstore.events.catalog.BookAdded;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class EventCodecTests {

    private final EventCodec codec = new EventCodec();

    @Test
    void readsARecordFromAnOlderProducerThatLacksANewerField() {
        String older = """
                {"eventId":"0b6f1b2e-6a51-4b55-9a49-3c1b8f6a1c11","occurredAt":"2026-11-22T04:00:00Z",
                 "bookId":"b-1","isbn":"9787536692930","title":"三体","authors":["刘慈欣"],
                 "price":{"amount":2300,"currency":"CNY"}}""";

        BookAdded added = (BookAdded) codec.decode(Topics.CATALOG_BOOKS, record("bookstore.catalog.BookAdded", older));

        assertThat(added.title()).isEqualTo("三体");
        assertThat(added.initialStock()).isZero();
    }

    @Test
    void ignoresFieldsItDoesNotKnow() {
        String newer = """
                {"eventId":"0b6f1b2e-6a51-4b55-9a49-3c1b8f6a1c11","occurredAt":"2026-11-22T04:00:00Z",
                 "bookId":"b-1","futureField":{"nested":true}}""";

        var discontinued = codec.decode(Topics.CATALOG_BOOKS, record("bookstore.catalog.BookDiscontinued", newer));

        assertThat(discontinued.bookId()).isEqualTo("b-1");
    }

    @Test
    void refusesATypeTheTopicDoesNotCarry() {
        assertThatThrownBy(() -> codec.decode(Topics.CATALOG_BOOKS, record("bookstore.order.OrderPlaced", "{}")))
                .isInstanceOf(UndecodableEventException.class);
    }

    private static ConsumerRecord<String, byte[]> record(String type, String json) {
        var record = new ConsumerRecord<>("catalog.books.v1", 0, 0L, "b-1", json.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEvents.TYPE, type.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
