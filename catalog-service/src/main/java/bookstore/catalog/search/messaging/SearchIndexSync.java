package bookstore.catalog.search.messaging;

import bookstore.catalog.book.application.Books;
import bookstore.catalog.book.application.Sale;
import bookstore.catalog.book.application.UpdatingAvailability;
import bookstore.catalog.book.domain.Availability;
import bookstore.catalog.book.domain.Book;
import bookstore.catalog.book.domain.BookId;
import bookstore.catalog.book.domain.Rating;
import bookstore.catalog.search.index.BookIndex;
import bookstore.events.IntegrationEvent;
import bookstore.events.Topic;
import bookstore.events.Topics;
import bookstore.events.inventory.StockLevelChanged;
import bookstore.platform.messaging.EventCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps this replica's search index in step with the catalogue, whichever replica made a change.
 *
 * <p>At start-up it first takes its place at the end of {@code catalog.books.v1}, {@code
 * inventory.stock.v1} and {@code sales.events.v1}, then indexes every book from MongoDB, then
 * follows the topics. Anything written before the rebuild read it is in MongoDB; anything after
 * arrives as an event; overlap is harmless because the index ignores states it already holds.
 *
 * <p>Every replica reads every record (no consumer group, nothing committed): this is a per-replica
 * cache refresh, not work to share. A book event reloads the book from MongoDB, which already holds
 * that change. Stock and sales events are applied from the events themselves, since the replica that
 * stores them in MongoDB may not have done so yet: a stock figure by its version onto the index's own
 * copy of the book, a poll's sales and returns by counting them into the books read once for all of
 * them, unless MongoDB's count already has them. What one poll brings is made searchable with one refresh
 * of the index, and the broker holds a poll back for up to {@link #FRESHNESS} to gather a
 * batch: stock and sales change with every order, and a refresh per change would cost more than
 * the searches it serves (each refresh also empties the result cache).
 *
 * <p>Readers' ratings travel on no topic (they are the catalogue's own tallies, and the consumers of
 * {@code catalog.books.v1} have no use for them): the replica that stores one indexes it at once, and
 * every replica asks MongoDB after each poll for the ratings stored lately, with {@link
 * #RATING_LOOKBACK} to spare for clocks that differ between replicas, and applies them to the index's
 * own copy of each book by their revision, so one seen twice changes nothing.
 */
@Component
class SearchIndexSync implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexSync.class);

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration FRESHNESS = Duration.ofMillis(250);
    private static final int BATCH_BYTES = 64 * 1024;
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MONGO_TIMEOUT = Duration.ofMinutes(5);
    private static final int REBUILD_BATCH = 1_000;
    private static final Duration RATING_LOOKBACK = Duration.ofSeconds(10);

    private final BookIndex index;
    private final Books books;
    private final EventCodec codec;
    private final Map<String, Object> consumerConfig;

    private volatile Thread follower;
    private volatile Consumer<String, byte[]> consumer;
    private volatile boolean running;
    private volatile boolean positioned;
    private volatile Instant ratingsCheckedAt = Instant.now();

    SearchIndexSync(BookIndex index, Books books, EventCodec codec, ConsumerFactory<?, ?> bootConsumers) {
        this.index = index;
        this.books = books;
        this.codec = codec;
        Map<String, Object> config = new HashMap<>(bootConsumers.getConfigurationProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "catalog-search-index-" + UUID.randomUUID());
        // The broker holds a fetch until it has a batch worth a refresh or FRESHNESS has passed: under
        // load a refresh covers many changes, and a change is searchable within about FRESHNESS.
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, BATCH_BYTES);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) FRESHNESS.toMillis());
        this.consumerConfig = config;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        consumer = new DefaultKafkaConsumerFactory<>(
                        consumerConfig, new StringDeserializer(), new ByteArrayDeserializer())
                .createConsumer();
        positioned = positionAtEnd();
        rebuild();
        log.info("Search index built from MongoDB: {} active books", index.size());
        follower = Thread.ofPlatform().name("search-index-sync").daemon().start(this::followUntilStopped);
    }

    @Override
    public synchronized void stop() {
        running = false;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread thread = follower;
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        follower = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server: the service answers searches only once its index is complete. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    /** Indexes every book in MongoDB; returns how many changed the index. */
    int rebuild() {
        ratingsCheckedAt = Instant.now();
        return books.findAll()
                .buffer(REBUILD_BATCH)
                .map(index::putAll)
                .reduce(0, Integer::sum)
                .blockOptional(MONGO_TIMEOUT)
                .orElse(0);
    }

    private boolean positionAtEnd() {
        try {
            List<TopicPartition> partitions = Stream.of(
                            Topics.CATALOG_BOOKS, Topics.INVENTORY_STOCK, Topics.SALES_EVENTS)
                    .flatMap(topic -> consumer.partitionsFor(topic.name(), KAFKA_TIMEOUT).stream())
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                return false;
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            // Resolve the positions now, before the rebuild reads MongoDB, so no change falls in between.
            partitions.forEach(partition -> consumer.position(partition, KAFKA_TIMEOUT));
            return true;
        } catch (RuntimeException e) {
            log.warn("Kafka is not reachable yet; the search index will resynchronise when it is", e);
            return false;
        }
    }

    private void followUntilStopped() {
        try {
            while (running) {
                if (!positioned) {
                    positioned = positionAtEnd();
                    if (!positioned) {
                        Thread.sleep(KAFKA_TIMEOUT);
                        continue;
                    }
                    // Changes made while Kafka was out of reach are in MongoDB.
                    rebuild();
                }
                follow(consumer.poll(POLL));
                followRatings();
            }
        } catch (WakeupException e) {
            // stop() woke the consumer to end the loop.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Brings the index up to what one poll brought, with one refresh: changed books are reloaded from
     * MongoDB, which holds their change already; stock figures are applied to the index's own copy
     * of each book (the newest per book); the books of the sales and returns are read once, with the
     * ones they counted, and the uncounted ones counted in.
     */
    private void follow(ConsumerRecords<String, byte[]> records) {
        Set<BookId> changedBooks = new LinkedHashSet<>();
        List<StockLevelChanged> stock = new ArrayList<>();
        Map<BookId, List<Sale>> sales = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                if (record.topic().equals(Topics.CATALOG_BOOKS.name())) {
                    changedBooks.add(bookId(decode(Topics.CATALOG_BOOKS, record).bookId()));
                } else if (record.topic().equals(Topics.INVENTORY_STOCK.name())) {
                    if (decode(Topics.INVENTORY_STOCK, record) instanceof StockLevelChanged changed) {
                        stock.add(changed);
                    }
                } else {
                    Sale sale = Sale.of(decode(Topics.SALES_EVENTS, record));
                    sales.computeIfAbsent(sale.bookId(), id -> new ArrayList<>())
                            .add(sale);
                }
            } catch (RuntimeException e) {
                // A read model: one missed update is repaired by the book's next change or the next start.
                log.warn("Could not apply {} to the search index", record, e);
            }
        }
        try {
            List<Book> reloaded = new ArrayList<>();
            Map<BookId, Availability> newest = UpdatingAvailability.newestPerBook(stock);
            Map<String, Availability> held = new HashMap<>();
            newest.forEach((id, availability) -> {
                if (index.stockVersion(id.toString()) < 0) {
                    // Not in the index yet (its own event may come in a later poll): MongoDB has it.
                    changedBooks.add(id);
                } else {
                    held.put(id.toString(), availability);
                }
            });
            for (BookId id : changedBooks) {
                books.findById(id)
                        .map(book -> newest.containsKey(id)
                                        && book.availability()
                                                .isOlderThan(newest.get(id).version())
                                ? book.withFigures(newest.get(id), book.sales())
                                : book)
                        .blockOptional(MONGO_TIMEOUT)
                        .ifPresent(reloaded::add);
            }
            reloaded.addAll(books.findWithSales(sales)
                    .collectList()
                    .blockOptional(MONGO_TIMEOUT)
                    .orElse(List.of()));
            if (!reloaded.isEmpty()) {
                index.putAll(reloaded);
            }
            index.putStock(held);
        } catch (RuntimeException e) {
            log.warn("Could not apply a batch of {} records to the search index", records.count(), e);
        }
    }

    /** Applies the ratings stored since the last look (and a margin before it) to the index. */
    private void followRatings() {
        Instant now = Instant.now();
        try {
            Map<String, Rating> changed = new HashMap<>();
            books.ratingsChangedSince(ratingsCheckedAt.minus(RATING_LOOKBACK))
                    .blockOptional(MONGO_TIMEOUT)
                    .orElse(Map.of())
                    .forEach((id, rating) -> changed.put(id.toString(), rating));
            index.putRatings(changed);
            ratingsCheckedAt = now;
        } catch (RuntimeException e) {
            // Tried again after the next poll, from the same moment.
            log.warn("Could not apply the latest ratings to the search index", e);
        }
    }

    private static BookId bookId(String id) {
        return new BookId(UUID.fromString(id));
    }

    private <E extends IntegrationEvent> E decode(Topic<E> topic, ConsumerRecord<String, byte[]> record) {
        return codec.decode(topic, record);
    }
}
