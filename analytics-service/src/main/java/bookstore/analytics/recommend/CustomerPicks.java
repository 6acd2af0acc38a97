package bookstore.analytics.recommend;

import bookstore.analytics.streams.SaleLine;
import bookstore.events.analytics.RecommendationsComputed.RecommendedBook;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Personal picks, on the customers' partitions (the shop's own sale lines re-keyed by customer pseudonym): remembers
 * what each customer bought and publishes their {@code customer:<pseudonym>} list of kind {@code PERSONAL}.
 *
 * <p>Where the neighbour lists come from: they are computed on the books' partitions, and a customer's books are on
 * any of them, so this processor reads them from the global store {@link RecommendStores#LISTS}, which every
 * instance fills from {@code analytics.recommendations.v1} itself (see {@link RecommendationLists}). The topic is
 * compacted, so the store holds the latest list of every book and category and costs one list per subject; no
 * request crosses partitions, and the lists a customer sees are exactly the published ones. Its order's own effect
 * on those lists is published one interval after the order, so a customer is computed on two passes.
 */
final class CustomerPicks implements Processor<String, SaleLine, String, byte[]> {

    static final String KIND = "PERSONAL";
    static final String PREFIX = "customer:";
    private static final int PASSES = 2;

    /** What a customer bought, first bought first. */
    record History(List<String> purchased) {

        History {
            purchased = purchased == null ? List.of() : List.copyOf(purchased);
        }
    }

    private final RecommendationSettings settings;
    private final PersonalPicks personalPicks;
    private KeyValueStore<String, History> customers;
    private KeyValueStore<String, List<RecommendedBook>> lists;
    private Catalogue catalogue;
    private Publishing publishing;

    CustomerPicks(RecommendationSettings settings) {
        this.settings = settings;
        this.personalPicks = new PersonalPicks(settings.listSize());
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        customers = context.getStateStore(RecommendStores.CUSTOMERS);
        lists = context.getStateStore(RecommendStores.LISTS);
        catalogue = new Catalogue(context);
        publishing =
                Publishing.start(context, RecommendStores.CUSTOMER_PICKS, KIND, settings, now -> {}, this::compute);
    }

    @Override
    public void process(Record<String, SaleLine> record) {
        SaleLine line = record.value();
        History history = customers.get(line.customer());
        List<String> purchased = history == null ? List.of() : history.purchased();
        if (!purchased.contains(line.bookId())) {
            List<String> next = new ArrayList<>(purchased);
            next.add(line.bookId());
            customers.put(line.customer(), new History(next));
            publishing.mark(PREFIX + line.customer(), PASSES);
        }
    }

    private Published compute(String subject) {
        History history = customers.get(subject.substring(PREFIX.length()));
        if (history == null) {
            return Published.NOTHING;
        }
        List<List<RecommendedBook>> bestsellers =
                PersonalPicks.favouriteCategories(history.purchased(), catalogue::mainCategory).stream()
                        .map(category -> listOf(CategoryBestsellers.PREFIX + category))
                        .toList();
        List<RecommendedBook> picks = personalPicks.picks(
                history.purchased(),
                book -> listOf(BookNeighbours.PREFIX + book),
                bestsellers,
                catalogue::recommendable);
        return new Published(picks, history.purchased());
    }

    private List<RecommendedBook> listOf(String subject) {
        List<RecommendedBook> list = lists.get(subject);
        return list == null ? List.of() : list;
    }
}
