package bookstore.analytics.recommend;

import bookstore.analytics.streams.SaleLine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Orders as baskets, on the sale lines' own partitions (keyed by order id, live and imported alike). When a book
 * joins an order's basket it has bought-together pairs with every book already in it: one increment per pair and
 * direction, keyed by the book it counts for, and one "in one more order" for the book itself. Returns add nothing
 * (the order still held the book), nor does a second line of a book already in the basket.
 */
final class Baskets implements Processor<String, SaleLine, String, Baskets.CoPurchase> {

    /**
     * One count for the book it is keyed by: {@code other} was in an order with it, or (when {@code other} is null)
     * the book was in one more order.
     */
    record CoPurchase(String book, String other) {

        static CoPurchase ordered(String book) {
            return new CoPurchase(book, null);
        }

        boolean isOrder() {
            return other == null;
        }
    }

    /** An order's books so far, and when (wall clock) its last line came. */
    record Basket(List<String> books, long touchedAt) {

        Basket {
            books = books == null ? List.of() : List.copyOf(books);
        }
    }

    /**
     * Pairs go to their book's partition, as the default partitioner would put them. A book's order count goes to
     * every partition: the similarity of a pair divides by the order counts of both books, and the other book's
     * count lives on its own partition otherwise. One small record per partition and order line keeps every count
     * wherever a pair is scored, instead of sending each new count to all of a book's neighbours.
     */
    static final StreamPartitioner<String, CoPurchase> PARTITIONER = (topic, key, value, partitions) -> Optional.of(
            value.isOrder()
                    ? IntStream.range(0, partitions).boxed().collect(Collectors.toUnmodifiableSet())
                    : Set.of(Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions));

    private final Duration memory;
    private ProcessorContext<String, CoPurchase> context;
    private KeyValueStore<String, Basket> baskets;

    Baskets(Duration memory) {
        this.memory = memory;
    }

    @Override
    public void init(ProcessorContext<String, CoPurchase> context) {
        this.context = context;
        this.baskets = context.getStateStore(RecommendStores.BASKETS);
        context.schedule(Duration.ofHours(1), PunctuationType.WALL_CLOCK_TIME, this::forgetOldBaskets);
    }

    @Override
    public void process(Record<String, SaleLine> record) {
        SaleLine line = record.value();
        if (line.isReturn() || line.bookId() == null) {
            return;
        }
        Basket basket = baskets.get(line.orderId());
        List<String> books = basket == null ? List.of() : basket.books();
        if (books.contains(line.bookId())) {
            return;
        }
        String book = line.bookId();
        context.forward(new Record<>(book, CoPurchase.ordered(book), record.timestamp()));
        for (String other : books) {
            context.forward(new Record<>(book, new CoPurchase(book, other), record.timestamp()));
            context.forward(new Record<>(other, new CoPurchase(other, book), record.timestamp()));
        }
        List<String> next = new ArrayList<>(books);
        next.add(book);
        baskets.put(line.orderId(), new Basket(next, context.currentSystemTimeMs()));
    }

    /** An order's lines come together (confirmed at once, or imported side by side): old baskets are done. */
    private void forgetOldBaskets(long now) {
        long before = now - memory.toMillis();
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, Basket> all = baskets.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value.touchedAt() < before) {
                    old.add(entry.key);
                }
            });
        }
        old.forEach(baskets::delete);
    }
}
