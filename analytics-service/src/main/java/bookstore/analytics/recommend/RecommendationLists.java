package bookstore.analytics.recommend;

import bookstore.analytics.streams.Decoding;
import bookstore.events.Topics;
import bookstore.events.analytics.RecommendationsComputed;
import bookstore.events.analytics.RecommendationsComputed.RecommendedBook;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the global store of published bought-together and category lists (by subject) from
 * {@code analytics.recommendations.v1}, for the personal picks. Customers' own lists are not kept: nothing reads
 * them here, and there are as many as customers.
 */
final class RecommendationLists implements Processor<String, byte[], Void, Void> {

    private KeyValueStore<String, List<RecommendedBook>> lists;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        lists = context.getStateStore(RecommendStores.LISTS);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null || !kept(record.key())) {
            return;
        }
        if (record.value() == null) {
            lists.delete(record.key());
            return;
        }
        Decoding.event(Topics.RECOMMENDATIONS, record).ifPresent(event -> {
            if (event instanceof RecommendationsComputed computed) {
                lists.put(computed.subject(), computed.books());
            }
        });
    }

    private static boolean kept(String subject) {
        return subject.startsWith(BookNeighbours.PREFIX) || subject.startsWith(CategoryBestsellers.PREFIX);
    }
}
