package bookstore.analytics.recommend;

import bookstore.analytics.recommend.Baskets.CoPurchase;
import bookstore.events.analytics.RecommendationsComputed.RecommendedBook;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Bought together, on the books' partitions: counts each book's co-purchases (its pairs live here) and every book's
 * orders (broadcast, see {@link Baskets#PARTITIONER}), and publishes the books whose counts moved as
 * {@code book:<id>} lists of kind {@code BOUGHT_TOGETHER}.
 *
 * <p>A pair's score also moves when the other book sells without it; that book's list is recomputed then, this one
 * the next time it sells or at the daily pass ({@link Publishing}), whichever comes first. The drift in between is
 * small: one order among many in a denominator.
 */
final class BookNeighbours implements Processor<String, CoPurchase, String, byte[]> {

    static final String KIND = "BOUGHT_TOGETHER";
    static final String PREFIX = "book:";

    private static final StringSerializer KEYS = new StringSerializer();

    private final RecommendationSettings settings;
    private final BoughtTogether boughtTogether;
    private KeyValueStore<String, Long> pairs;
    private KeyValueStore<String, Long> orders;
    private Catalogue catalogue;
    private Publishing publishing;

    BookNeighbours(RecommendationSettings settings) {
        this.settings = settings;
        this.boughtTogether = new BoughtTogether(settings.minSupport(), settings.listSize());
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        pairs = context.getStateStore(RecommendStores.PAIRS);
        orders = context.getStateStore(RecommendStores.BOOK_ORDERS);
        catalogue = new Catalogue(context);
        publishing = Publishing.start(context, RecommendStores.BOOKS, KIND, settings, now -> {}, this::compute);
    }

    @Override
    public void process(Record<String, CoPurchase> record) {
        CoPurchase count = record.value();
        if (count.isOrder()) {
            RecommendStores.add(orders, count.book(), 1);
            // Every partition hears of a book's orders, but only the one holding its pairs has a list to publish.
            if (hasPairs(count.book())) {
                publishing.mark(PREFIX + count.book(), 1);
            }
        } else {
            RecommendStores.add(pairs, count.book() + RecommendStores.SEP + count.other(), 1);
            publishing.mark(PREFIX + count.book(), 1);
        }
    }

    private boolean hasPairs(String book) {
        try (KeyValueIterator<String, Long> withOthers = pairs.prefixScan(book + RecommendStores.SEP, KEYS)) {
            return withOthers.hasNext();
        }
    }

    private Published compute(String subject) {
        String book = subject.substring(PREFIX.length());
        String prefix = book + RecommendStores.SEP;
        Map<String, Long> together = new HashMap<>();
        try (KeyValueIterator<String, Long> withOthers = pairs.prefixScan(prefix, KEYS)) {
            withOthers.forEachRemaining(pair -> together.put(pair.key.substring(prefix.length()), pair.value));
        }
        List<RecommendedBook> neighbours = boughtTogether.neighbours(
                RecommendStores.count(orders, book),
                together,
                other -> RecommendStores.count(orders, other),
                catalogue::recommendable);
        return Published.of(neighbours);
    }
}
