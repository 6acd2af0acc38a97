package bookstore.analytics.streams;

import bookstore.events.Topics;
import bookstore.events.user.UserRegistered;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * New accounts per day, from {@code users.events.v1}. The account id the event carries is read and dropped: only
 * the count per day, and the event ids already counted, are kept.
 */
public final class Registrations {

    /** {@code <yyyyMMdd>} → this partition's share of the accounts opened that day. */
    public static final String REGISTRATION_DAYS = "registration-days";

    /** Event ids already counted. */
    public static final String REGISTRATIONS_SEEN = "registrations-seen";

    private Registrations() {}

    public static void build(StreamsBuilder builder, ShopCalendar calendar) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(REGISTRATION_DAYS), Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(REGISTRATIONS_SEEN), Serdes.String(), Serdes.Long()));
        builder.stream(Topics.USER_EVENTS.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .process(() -> new Counting(calendar), REGISTRATION_DAYS, REGISTRATIONS_SEEN);
    }

    private static final class Counting implements Processor<String, byte[], Void, Void> {

        private final ShopCalendar calendar;
        private KeyValueStore<String, Long> days;
        private KeyValueStore<String, Long> seen;

        Counting(ShopCalendar calendar) {
            this.calendar = calendar;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            days = context.getStateStore(REGISTRATION_DAYS);
            seen = context.getStateStore(REGISTRATIONS_SEEN);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            Decoding.event(Topics.USER_EVENTS, record).ifPresent(event -> {
                if (event instanceof UserRegistered registered
                        && seen.get(registered.eventId().toString()) == null) {
                    seen.put(
                            registered.eventId().toString(),
                            registered.occurredAt().toEpochMilli());
                    String day = ShopCalendar.dayKey(calendar.day(registered.occurredAt()));
                    Long known = days.get(day);
                    days.put(day, known == null ? 1 : known + 1);
                }
            });
        }
    }
}
