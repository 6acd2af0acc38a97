package bookstore.analytics.imports;

import bookstore.analytics.streams.BookFacts;
import bookstore.events.CloudEvents;
import bookstore.events.Money;
import bookstore.events.Topics;
import bookstore.events.catalog.BookAdded;
import bookstore.platform.messaging.EventCodec;
import bookstore.platform.messaging.OutgoingEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plays the catalogue: publishes its BookAdded records on {@code catalog.books.v1}, keyed and enveloped as it does. */
public final class CatalogueRecords {

    private static final EventCodec CODEC = new EventCodec();
    private static final String CATALOGUE = CloudEvents.sourceOf("catalog-service");

    private static final Set<String> ADDED = ConcurrentHashMap.newKeySet();

    private CatalogueRecords() {}

    /** Adds the books not added before in this JVM. */
    public static void addOnce(String bootstrapServers, List<BookFacts> books) {
        List<BookFacts> fresh =
                books.stream().filter(book -> !ADDED.contains(book.bookId())).toList();
        add(bootstrapServers, fresh);
        fresh.forEach(book -> ADDED.add(book.bookId()));
    }

    public static void add(String bootstrapServers, List<BookFacts> books) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (BookFacts book : books) {
                BookAdded added = new BookAdded(
                        UUID.randomUUID(),
                        Instant.now(),
                        book.bookId(),
                        book.isbn(),
                        book.title(),
                        book.authors(),
                        new Money(book.price(), book.currency()),
                        10,
                        book.publisher(),
                        book.categories());
                OutgoingEvent event = OutgoingEvent.of(Topics.CATALOG_BOOKS, added, CODEC);
                producer.send(new ProducerRecord<>(
                                event.topic(), null, event.key(), event.payload(), event.headers(CATALOGUE)))
                        .get(10, TimeUnit.SECONDS);
            }
            producer.flush();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish the catalogue's books", e);
        }
    }
}
