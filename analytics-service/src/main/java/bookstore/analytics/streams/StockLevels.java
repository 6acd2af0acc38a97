package bookstore.analytics.streams;

import bookstore.events.Topics;
import bookstore.events.inventory.StockLevelChanged;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/** Every book's latest stock level in a global store, from {@code inventory.stock.v1}; an older version never wins. */
public final class StockLevels {

    private StockLevels() {}

    public static void build(StreamsBuilder builder) {
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(StoreNames.STOCK),
                                Serdes.String(),
                                JsonSerde.of(StockLevel.class))
                        .withLoggingDisabled(),
                Topics.INVENTORY_STOCK.name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()),
                Keeping::new);
    }

    private static final class Keeping implements Processor<String, byte[], Void, Void> {

        private KeyValueStore<String, StockLevel> stock;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            stock = context.getStateStore(StoreNames.STOCK);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            Decoding.event(Topics.INVENTORY_STOCK, record).ifPresent(event -> {
                if (event instanceof StockLevelChanged level) {
                    StockLevel known = stock.get(level.bookId());
                    if (known == null || known.version() < level.version()) {
                        stock.put(
                                level.bookId(),
                                new StockLevel(
                                        level.bookId(),
                                        level.onHand(),
                                        level.reserved(),
                                        level.available(),
                                        level.version()));
                    }
                }
            });
        }
    }
}
