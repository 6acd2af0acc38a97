package bookstore.analytics.streams;

import bookstore.events.Topics;
import bookstore.events.catalog.BookAdded;
import bookstore.events.catalog.BookDiscontinued;
import bookstore.events.catalog.BookPriceChanged;
import bookstore.events.catalog.BookUpdated;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Every book's dimensions (title, authors, publisher, categories, price) in a global store, so any instance can
 * name and group any book. Rebuilt from {@code catalog.books.v1} (kept for good) through the same processor.
 */
public final class BookCatalogue {

    private BookCatalogue() {}

    public static void build(StreamsBuilder builder) {
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(StoreNames.BOOKS),
                                Serdes.String(),
                                JsonSerde.of(BookFacts.class))
                        .withLoggingDisabled(),
                Topics.CATALOG_BOOKS.name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()),
                Keeping::new);
    }

    private static final class Keeping implements Processor<String, byte[], Void, Void> {

        private KeyValueStore<String, BookFacts> books;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            books = context.getStateStore(StoreNames.BOOKS);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            Decoding.event(Topics.CATALOG_BOOKS, record).ifPresent(event -> {
                BookFacts known = books.get(event.bookId());
                BookFacts next =
                        switch (event) {
                            case BookAdded added ->
                                new BookFacts(
                                        added.bookId(),
                                        added.isbn(),
                                        added.title(),
                                        added.authors(),
                                        added.publisher(),
                                        added.categories(),
                                        added.price().amount(),
                                        added.price().currency(),
                                        false);
                            case BookUpdated updated ->
                                known == null
                                        ? null
                                        : known.revised(
                                                updated.isbn(),
                                                updated.title(),
                                                updated.authors(),
                                                updated.publisher(),
                                                updated.categories());
                            case BookPriceChanged repriced ->
                                known == null
                                        ? null
                                        : known.repriced(
                                                repriced.price().amount(),
                                                repriced.price().currency());
                            case BookDiscontinued ignored -> known == null ? null : known.discontinuedNow();
                        };
                if (next != null) {
                    books.put(next.bookId(), next);
                }
            });
        }
    }
}
