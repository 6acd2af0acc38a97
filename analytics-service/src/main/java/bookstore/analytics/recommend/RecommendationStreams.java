package bookstore.analytics.recommend;

import bookstore.analytics.recommend.Baskets.Basket;
import bookstore.analytics.recommend.Baskets.CoPurchase;
import bookstore.analytics.recommend.CategoryBestsellers.CategorySale;
import bookstore.analytics.recommend.CustomerPicks.History;
import bookstore.analytics.streams.JsonSerde;
import bookstore.analytics.streams.SaleLine;
import bookstore.analytics.streams.ShopCalendar;
import bookstore.events.Topics;
import bookstore.events.analytics.RecommendationsComputed.RecommendedBook;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import tools.jackson.core.type.TypeReference;

/**
 * The recommendations analytics publishes on {@code analytics.recommendations.v1} (keyed by subject, with the shop's
 * CloudEvents headers), from the sale lines, live and imported alike:
 *
 * <ul>
 *   <li>bought together ({@code book:<id>}): orders are baskets ({@link Baskets}, by order id), whose pairs are
 *       counted on the books' partitions and scored by cosine similarity with a minimum support
 *       ({@link BookNeighbours});
 *   <li>personal picks ({@code customer:<pseudonym>}): from what each customer bought and the published
 *       bought-together lists, read back into a global store ({@link CustomerPicks});
 *   <li>category bestsellers ({@code category:<name>}): copies sold in a sliding window of days, per main category
 *       ({@link CategoryBestsellers}).
 * </ul>
 *
 * Each publishes from a wall-clock punctuator the subjects its lines touched, so a confirmed order reaches its lists
 * within one {@link RecommendationSettings#publishInterval()}; a list that did not change is not published again.
 */
public final class RecommendationStreams {

    private RecommendationStreams() {}

    /**
     * @param saleLines the sale lines keyed by order id ({@code SaleLines.build}); the global stores {@code books}
     *     and {@code stock} must exist
     * @param calendar the shop's calendar, whose days the category window counts
     */
    public static void build(
            StreamsBuilder builder,
            KStream<String, SaleLine> saleLines,
            ShopCalendar calendar,
            RecommendationSettings settings) {
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(RecommendStores.LISTS),
                                Serdes.String(),
                                JsonSerde.of(new TypeReference<List<RecommendedBook>>() {}))
                        .withLoggingDisabled(),
                Topics.RECOMMENDATIONS.name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()),
                RecommendationLists::new);

        // One sink each rather than one for the merged streams: merged, the three would become one sub-topology, whose
        // tasks read all three repartition topics together; apart, each kind of subject has its own tasks.
        Produced<String, byte[]> asPublished = Produced.with(Serdes.String(), Serdes.ByteArray());
        boughtTogether(builder, saleLines, settings).to(Topics.RECOMMENDATIONS.name(), asPublished);
        personalPicks(builder, saleLines, settings).to(Topics.RECOMMENDATIONS.name(), asPublished);
        categoryBestsellers(builder, saleLines, calendar, settings).to(Topics.RECOMMENDATIONS.name(), asPublished);
    }

    private static KStream<String, byte[]> boughtTogether(
            StreamsBuilder builder, KStream<String, SaleLine> saleLines, RecommendationSettings settings) {
        addStore(builder, RecommendStores.BASKETS, JsonSerde.of(Basket.class));
        addStore(builder, RecommendStores.PAIRS, Serdes.Long());
        addStore(builder, RecommendStores.BOOK_ORDERS, Serdes.Long());
        String[] publishing = Publishing.addStores(builder, RecommendStores.BOOKS);
        return saleLines
                .process(() -> new Baskets(settings.basketMemory()), RecommendStores.BASKETS)
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(CoPurchase.class))
                        .withName(RecommendStores.CO_PURCHASES_TOPIC)
                        .withStreamPartitioner(Baskets.PARTITIONER))
                .process(
                        () -> new BookNeighbours(settings),
                        storeNames(publishing, RecommendStores.PAIRS, RecommendStores.BOOK_ORDERS));
    }

    private static KStream<String, byte[]> personalPicks(
            StreamsBuilder builder, KStream<String, SaleLine> saleLines, RecommendationSettings settings) {
        addStore(builder, RecommendStores.CUSTOMERS, JsonSerde.of(History.class));
        String[] publishing = Publishing.addStores(builder, RecommendStores.CUSTOMER_PICKS);
        return saleLines
                // Imported customers have pseudonyms under analytics' own key, which no account of this shop signs in
                // with: their picks would serve nobody. Their orders still count in the bought-together lists.
                .filter((orderId, line) ->
                        !line.isReturn() && !line.imported() && line.customer() != null && line.bookId() != null)
                .selectKey((orderId, line) -> line.customer())
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(SaleLine.class))
                        .withName(RecommendStores.LINES_BY_CUSTOMER_TOPIC))
                .process(() -> new CustomerPicks(settings), storeNames(publishing, RecommendStores.CUSTOMERS));
    }

    private static KStream<String, byte[]> categoryBestsellers(
            StreamsBuilder builder,
            KStream<String, SaleLine> saleLines,
            ShopCalendar calendar,
            RecommendationSettings settings) {
        addStore(builder, RecommendStores.CATEGORY_DAYS, Serdes.Long());
        addStore(builder, RecommendStores.CATEGORY_TOTALS, Serdes.Long());
        String[] publishing = Publishing.addStores(builder, RecommendStores.CATEGORIES);
        return saleLines
                .process(CategoryBestsellers.Filing::new)
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(CategorySale.class))
                        .withName(RecommendStores.SALES_BY_CATEGORY_TOPIC))
                .process(
                        () -> new CategoryBestsellers(calendar, settings),
                        storeNames(publishing, RecommendStores.CATEGORY_DAYS, RecommendStores.CATEGORY_TOTALS));
    }

    /** A persistent store by string key, backed by its changelog. */
    static <V> void addStore(StreamsBuilder builder, String name, Serde<V> values) {
        builder.addStateStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values));
    }

    private static String[] storeNames(String[] publishing, String... own) {
        return Stream.concat(Stream.of(own), Stream.of(publishing)).toArray(String[]::new);
    }
}
