package bookstore.analytics.streams;

import bookstore.events.Topics;
import bookstore.events.order.OrderCancelled;
import bookstore.events.order.OrderConfirmed;
import bookstore.events.order.OrderPlaced;
import bookstore.events.order.OrderRejected;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * What becomes of orders, from {@code orders.events.v1}: each partition keeps, per day an order was placed, how many
 * were placed, confirmed, rejected and cancelled, with the reasons. Each order counts once per outcome, so a
 * redelivered event changes nothing. Only orders placed in this shop have a lifecycle (imported ones do not).
 */
public final class OrderOutcomes {

    /** {@code <yyyyMMdd>} of placement → this partition's share of what became of that day's orders. */
    public static final String ORDER_DAYS = "order-days";

    /** {@code <orderId>} → when it was placed and which outcomes it has had. */
    public static final String ORDER_STATES = "order-states";

    private static final int MAX_REASON = 60;

    private OrderOutcomes() {}

    public static void build(StreamsBuilder builder, ShopCalendar calendar) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ORDER_DAYS), Serdes.String(), JsonSerde.of(OrderDay.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ORDER_STATES), Serdes.String(), JsonSerde.of(OrderState.class)));
        builder.stream(Topics.ORDER_EVENTS.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .process(() -> new Counting(calendar), ORDER_DAYS, ORDER_STATES);
    }

    /**
     * The kind of a free-text reason: what comes before a colon ("payment failed: card declined" → "payment
     * failed"), in lower case, short, so that reasons can be counted.
     */
    public static String reasonKind(String reason) {
        if (reason == null || reason.isBlank()) {
            return "unknown";
        }
        int colon = reason.indexOf(':');
        String kind = (colon > 0 ? reason.substring(0, colon) : reason).trim().toLowerCase(Locale.ROOT);
        return kind.length() > MAX_REASON ? kind.substring(0, MAX_REASON) : kind;
    }

    /** An order as far as its outcomes go. */
    public record OrderState(
            LocalDate placedOn, boolean placed, boolean confirmed, boolean rejected, boolean cancelled) {}

    private static final class Counting implements Processor<String, byte[], Void, Void> {

        private final ShopCalendar calendar;
        private KeyValueStore<String, OrderDay> days;
        private KeyValueStore<String, OrderState> states;

        Counting(ShopCalendar calendar) {
            this.calendar = calendar;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            days = context.getStateStore(ORDER_DAYS);
            states = context.getStateStore(ORDER_STATES);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            Decoding.event(Topics.ORDER_EVENTS, record).ifPresent(event -> {
                OrderState known = states.get(event.orderId());
                LocalDate day = known != null ? known.placedOn() : calendar.day(event.occurredAt());
                OrderState state = known != null ? known : new OrderState(day, false, false, false, false);
                switch (event) {
                    case OrderPlaced placed
                    when !state.placed() -> {
                        LocalDate placedOn = calendar.day(placed.occurredAt());
                        states.put(
                                event.orderId(),
                                new OrderState(placedOn, true, state.confirmed(), state.rejected(), state.cancelled()));
                        add(placedOn, new OrderDay(1, 0, 0, 0, Map.of(), Map.of()));
                    }
                    case OrderConfirmed confirmed
                    when !state.confirmed() -> {
                        states.put(
                                event.orderId(),
                                new OrderState(day, state.placed(), true, state.rejected(), state.cancelled()));
                        add(day, new OrderDay(0, 1, 0, 0, Map.of(), Map.of()));
                    }
                    case OrderRejected rejected
                    when !state.rejected() -> {
                        states.put(
                                event.orderId(),
                                new OrderState(day, state.placed(), state.confirmed(), true, state.cancelled()));
                        add(day, new OrderDay(0, 0, 1, 0, Map.of(reasonKind(rejected.reason()), 1L), Map.of()));
                    }
                    case OrderCancelled cancelled
                    when !state.cancelled() -> {
                        states.put(
                                event.orderId(),
                                new OrderState(day, state.placed(), state.confirmed(), state.rejected(), true));
                        add(day, new OrderDay(0, 0, 0, 1, Map.of(), Map.of(reasonKind(cancelled.reason()), 1L)));
                    }
                    default -> {
                        // Shipping, delivery and returns, or an outcome already counted.
                    }
                }
            });
        }

        private void add(LocalDate day, OrderDay share) {
            String key = ShopCalendar.dayKey(day);
            OrderDay known = days.get(key);
            days.put(key, known == null ? share : known.plus(share));
        }
    }
}
