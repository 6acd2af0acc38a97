package bookstore.analytics.streams;

import bookstore.events.Topics;
import bookstore.events.analytics.SaleImported;
import bookstore.events.order.SaleRecorded;
import bookstore.events.order.SaleReturned;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The sale facts every sales aggregate starts from: {@code sales.events.v1} and {@code sales.imports.v1}, both keyed
 * by order id and partitioned alike, read as {@link SaleLine}s, each event once.
 *
 * <p>An event id is remembered when it is counted. The outbox relays publish at least once, so a live event can
 * come twice, within minutes; its id is kept for {@link #LIVE_MEMORY}. An imported line is remembered for good, so
 * importing the same file again counts nothing twice.
 */
public final class SaleLines {

    static final Duration LIVE_MEMORY = Duration.ofDays(14);
    private static final String IMPORTED_PREFIX = "import:";

    private SaleLines() {}

    /** The sale lines, keyed by order id. */
    public static KStream<String, SaleLine> build(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.SALE_EVENTS_SEEN), Serdes.String(), Serdes.Long()));
        KStream<String, byte[]> live =
                builder.stream(Topics.SALES_EVENTS.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()));
        KStream<String, byte[]> imported =
                builder.stream(Topics.SALES_IMPORTS.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()));
        return live.merge(imported).process(Counting::new, StoreNames.SALE_EVENTS_SEEN);
    }

    /** A sale fact as a line, or nothing for a record that is not one. */
    static List<SaleLine> read(String topic, Record<String, byte[]> record) {
        List<SaleLine> lines = new ArrayList<>(1);
        if (Topics.SALES_IMPORTS.name().equals(topic)) {
            Decoding.event(Topics.SALES_IMPORTS, record).ifPresent(event -> {
                if (event instanceof SaleImported sale) {
                    lines.add(new SaleLine(
                            IMPORTED_PREFIX + sale.eventId(),
                            sale.orderId(),
                            sale.bookId(),
                            sale.quantity(),
                            sale.quantity() * sale.unitPrice().amount(),
                            sale.unitPrice().currency(),
                            sale.customer(),
                            sale.soldAt(),
                            true));
                }
            });
        } else {
            Decoding.event(Topics.SALES_EVENTS, record).ifPresent(event -> {
                switch (event) {
                    case SaleRecorded sale ->
                        lines.add(new SaleLine(
                                sale.eventId().toString(),
                                sale.orderId(),
                                sale.bookId(),
                                sale.quantity(),
                                sale.quantity() * sale.unitPrice().amount(),
                                sale.unitPrice().currency(),
                                sale.customer(),
                                sale.soldAt(),
                                false));
                    case SaleReturned returned ->
                        lines.add(new SaleLine(
                                returned.eventId().toString(),
                                returned.orderId(),
                                returned.bookId(),
                                -returned.quantity(),
                                -returned.quantity() * returned.unitPrice().amount(),
                                returned.unitPrice().currency(),
                                returned.customer(),
                                returned.returnedAt(),
                                false));
                }
            });
        }
        return lines;
    }

    private static final class Counting implements Processor<String, byte[], String, SaleLine> {

        private ProcessorContext<String, SaleLine> context;
        private KeyValueStore<String, Long> seen;

        @Override
        public void init(ProcessorContext<String, SaleLine> context) {
            this.context = context;
            this.seen = context.getStateStore(StoreNames.SALE_EVENTS_SEEN);
            context.schedule(Duration.ofHours(1), PunctuationType.WALL_CLOCK_TIME, this::forgetOldLiveEvents);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            String topic = context.recordMetadata().map(meta -> meta.topic()).orElse("");
            for (SaleLine line : read(topic, record)) {
                if (seen.get(line.eventId()) != null) {
                    continue;
                }
                seen.put(line.eventId(), line.imported() ? Long.MAX_VALUE : context.currentSystemTimeMs());
                context.forward(new Record<>(line.orderId(), line, line.at().toEpochMilli()));
            }
        }

        private void forgetOldLiveEvents(long now) {
            long before = now - LIVE_MEMORY.toMillis();
            List<String> old = new ArrayList<>();
            try (KeyValueIterator<String, Long> all = seen.all()) {
                all.forEachRemaining(entry -> {
                    if (entry.value < before) {
                        old.add(entry.key);
                    }
                });
            }
            old.forEach(seen::delete);
        }
    }
}
