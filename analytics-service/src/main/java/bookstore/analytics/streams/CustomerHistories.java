package bookstore.analytics.streams;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Every customer's order history, by pseudonym, on the instance that owns the pseudonym: what recency, frequency
 * and monetary scores, segments and new-versus-returning figures are computed from.
 */
public final class CustomerHistories {

    /** {@code <pseudonym>} → the customer's orders. */
    public static final String CUSTOMERS = "customers";

    private CustomerHistories() {}

    public static void build(StreamsBuilder builder, KStream<String, CustomerPurchase> purchases) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CUSTOMERS), Serdes.String(), JsonSerde.of(CustomerHistory.class)));
        purchases.process(Keeping::new, CUSTOMERS);
    }

    private static final class Keeping implements Processor<String, CustomerPurchase, Void, Void> {

        private KeyValueStore<String, CustomerHistory> customers;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            customers = context.getStateStore(CUSTOMERS);
        }

        @Override
        public void process(Record<String, CustomerPurchase> record) {
            CustomerPurchase purchase = record.value();
            CustomerHistory known = customers.get(purchase.customer());
            customers.put(purchase.customer(), (known == null ? CustomerHistory.NONE : known).with(purchase));
        }
    }
}
