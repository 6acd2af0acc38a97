package bookstore.analytics.query;

import bookstore.analytics.streams.BookFacts;
import bookstore.analytics.streams.StockLevel;
import bookstore.analytics.streams.StoreNames;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/** The stores every instance holds in full: every book's dimensions and latest stock level. */
@Component
public class Globals {

    private final StreamsBuilderFactoryBean streams;

    Globals(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    public Optional<BookFacts> book(String bookId) {
        return Optional.ofNullable(books().get(bookId));
    }

    public Optional<StockLevel> stockOf(String bookId) {
        return Optional.ofNullable(stock().get(bookId));
    }

    /** Every book, by id. */
    public Map<String, BookFacts> allBooks() {
        return all(books());
    }

    /** Every book's latest stock level, by book id. */
    public Map<String, StockLevel> allStock() {
        return all(stock());
    }

    public ReadOnlyKeyValueStore<String, BookFacts> books() {
        return store(StoreNames.BOOKS);
    }

    public ReadOnlyKeyValueStore<String, StockLevel> stock() {
        return store(StoreNames.STOCK);
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        KafkaStreams running = streams.getKafkaStreams();
        if (running == null) {
            throw new InvalidStateStoreException("Kafka Streams has not started");
        }
        return running.store(
                StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }

    private static <V> Map<String, V> all(ReadOnlyKeyValueStore<String, V> store) {
        Map<String, V> all = new HashMap<>();
        try (KeyValueIterator<String, V> entries = store.all()) {
            entries.forEachRemaining(entry -> all.put(entry.key, entry.value));
        }
        return all;
    }
}
