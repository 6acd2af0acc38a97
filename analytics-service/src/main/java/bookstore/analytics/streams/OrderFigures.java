package bookstore.analytics.streams;

import bookstore.events.Topics;
import java.time.LocalDate;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The shop's daily figures, where the lines already are (partitioned by order): each partition keeps its share of
 * every day, and a report adds the shares up. An order counts on the day of its first line; returned copies
 * subtract on the day they came back. Every line also goes on to its customer's history.
 */
public final class OrderFigures {

    /** {@code <yyyyMMdd>} → this partition's share of the day. */
    public static final String SHOP_DAYS = "shop-days";

    /** Order ids already counted as orders. */
    public static final String ORDERS_COUNTED = "orders-counted";

    /** The repartition topic that moves each purchase to its customer's owner. */
    public static final String BY_CUSTOMER = "purchases-by-customer";

    /** As many as the sales topics have: the shop's days, and the customers after their repartition. */
    public static final int PARTITIONS = Topics.SALES_EVENTS.partitions();

    private OrderFigures() {}

    /** Builds the daily figures and returns the purchases, keyed by customer, for the customer histories. */
    public static KStream<String, CustomerPurchase> build(
            StreamsBuilder builder, KStream<String, SaleLine> saleLines, ShopCalendar calendar) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SHOP_DAYS), Serdes.String(), JsonSerde.of(ShopDay.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ORDERS_COUNTED), Serdes.String(), Serdes.Long()));
        return saleLines
                .process(() -> new Counting(calendar), SHOP_DAYS, ORDERS_COUNTED)
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(CustomerPurchase.class))
                        .withName(BY_CUSTOMER)
                        .withNumberOfPartitions(PARTITIONS));
    }

    private static final class Counting implements Processor<String, SaleLine, String, CustomerPurchase> {

        private final ShopCalendar calendar;
        private ProcessorContext<String, CustomerPurchase> context;
        private KeyValueStore<String, ShopDay> shopDays;
        private KeyValueStore<String, Long> ordersCounted;

        Counting(ShopCalendar calendar) {
            this.calendar = calendar;
        }

        @Override
        public void init(ProcessorContext<String, CustomerPurchase> context) {
            this.context = context;
            shopDays = context.getStateStore(SHOP_DAYS);
            ordersCounted = context.getStateStore(ORDERS_COUNTED);
        }

        @Override
        public void process(Record<String, SaleLine> record) {
            SaleLine line = record.value();
            LocalDate day = calendar.day(line.at());
            long newOrder = 0;
            if (!line.isReturn() && ordersCounted.get(line.orderId()) == null) {
                ordersCounted.put(line.orderId(), line.at().toEpochMilli());
                newOrder = 1;
            }
            String key = ShopCalendar.dayKey(day);
            ShopDay known = shopDays.get(key);
            ShopDay share = new ShopDay(newOrder, Figures.of(line));
            shopDays.put(key, known == null ? share : known.plus(share));
            context.forward(record.withKey(line.customer())
                    .withValue(new CustomerPurchase(
                            line.customer(), line.orderId(), day, line.revenue(), line.quantity())));
        }
    }
}
