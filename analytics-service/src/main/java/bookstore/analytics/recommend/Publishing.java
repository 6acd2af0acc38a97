package bookstore.analytics.recommend;

import bookstore.analytics.streams.JsonSerde;
import bookstore.events.CloudEvents;
import bookstore.events.Topics;
import bookstore.events.analytics.RecommendationsComputed;
import bookstore.platform.messaging.EventCodec;
import bookstore.platform.messaging.OutgoingEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * When a kind of subject is published: not per record, but from a wall-clock punctuator. Lines mark their subjects
 * pending (in a store, so a restart loses none); each interval publishes up to a batch of them, taking up after the
 * last one published so a steady stream of new ones cannot starve the rest. A list equal to the one last published
 * is not published again.
 *
 * <p>A subject can be marked for more than one pass: a customer's picks are built from the bought-together lists,
 * which their own order changes one interval later, so a customer is computed again on the next pass.
 *
 * <p>What a list depends on also changes without a line of its own: a book is discontinued, another book's orders
 * move a shared score. So on the first pass of each day (and the first after a task starts) every subject with a
 * published list is marked pending once more; the batches spread the work, and only lists that changed go out.
 */
final class Publishing {

    private static final String SOURCE = CloudEvents.sourceOf("analytics-service");
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final EventCodec CODEC = new EventCodec();

    private final ProcessorContext<String, byte[]> context;
    private final String kind;
    private final KeyValueStore<String, Integer> pending;
    private final KeyValueStore<String, Published> published;
    private final int batch;
    private String cursor;
    private long refreshedDay = -1;

    private Publishing(ProcessorContext<String, byte[]> context, String stores, String kind, int batch) {
        this.context = context;
        this.kind = kind;
        this.pending = context.getStateStore(pendingStore(stores));
        this.published = context.getStateStore(publishedStore(stores));
        this.batch = batch;
    }

    /**
     * Publishes a processor's pending subjects every {@code publishInterval}, wall clock.
     *
     * @param stores the prefix its stores were declared with ({@link #addStores})
     * @param beforeEachPass what the processor does first on every pass, given the time
     * @param compute a subject's content, as it is now
     */
    static Publishing start(
            ProcessorContext<String, byte[]> context,
            String stores,
            String kind,
            RecommendationSettings settings,
            LongConsumer beforeEachPass,
            Function<String, Published> compute) {
        Publishing publishing = new Publishing(context, stores, kind, settings.publishBatch());
        context.schedule(settings.publishInterval(), PunctuationType.WALL_CLOCK_TIME, now -> {
            beforeEachPass.accept(now);
            publishing.publishPending(compute);
        });
        return publishing;
    }

    /** Declares the stores of one kind of subject; returns their names, to connect to its processor. */
    static String[] addStores(StreamsBuilder builder, String stores) {
        RecommendationStreams.addStore(builder, pendingStore(stores), Serdes.Integer());
        RecommendationStreams.addStore(builder, publishedStore(stores), JsonSerde.of(Published.class));
        return new String[] {pendingStore(stores), publishedStore(stores)};
    }

    /** Marks the subject to be computed on the next {@code passes} punctuations. */
    void mark(String subject, int passes) {
        Integer known = pending.get(subject);
        if (known == null || known < passes) {
            pending.put(subject, passes);
        }
    }

    /** Computes a batch of the pending subjects and publishes those whose content changed. */
    private void publishPending(Function<String, Published> compute) {
        long now = context.currentSystemTimeMs();
        if (now / DAY != refreshedDay) {
            markEveryPublished();
            refreshedDay = now / DAY;
        }
        for (KeyValue<String, Integer> due : nextBatch()) {
            Published next = compute.apply(due.key);
            Published last = published.get(due.key);
            if (!next.equals(last == null ? Published.NOTHING : last)) {
                publish(due.key, next, now);
                if (next.equals(Published.NOTHING)) {
                    published.delete(due.key);
                } else {
                    published.put(due.key, next);
                }
            }
            if (due.value > 1) {
                pending.put(due.key, due.value - 1);
            } else {
                pending.delete(due.key);
            }
        }
    }

    private void markEveryPublished() {
        List<String> subjects = new ArrayList<>();
        try (KeyValueIterator<String, Published> all = published.all()) {
            all.forEachRemaining(entry -> subjects.add(entry.key));
        }
        subjects.forEach(subject -> mark(subject, 1));
    }

    private List<KeyValue<String, Integer>> nextBatch() {
        List<KeyValue<String, Integer>> due = new ArrayList<>();
        try (KeyValueIterator<String, Integer> after = pending.range(cursor, null)) {
            take(after, due);
        }
        if (due.size() < batch && cursor != null) {
            try (KeyValueIterator<String, Integer> before = pending.range(null, cursor)) {
                take(before, due);
            }
        }
        // The next batch starts just past the last key taken; the two ranges above never overlap, as the cursor is no
        // key itself (no subject ends in \0).
        cursor = due.isEmpty() ? null : due.getLast().key + RecommendStores.SEP;
        return due;
    }

    private void take(KeyValueIterator<String, Integer> entries, List<KeyValue<String, Integer>> due) {
        while (due.size() < batch && entries.hasNext()) {
            due.add(entries.next());
        }
    }

    private void publish(String subject, Published content, long now) {
        RecommendationsComputed event = new RecommendationsComputed(
                UUID.randomUUID(), Instant.ofEpochMilli(now), subject, kind, content.books(), content.purchased());
        OutgoingEvent outgoing = OutgoingEvent.of(Topics.RECOMMENDATIONS, event, CODEC);
        context.forward(new Record<>(outgoing.key(), outgoing.payload(), now, outgoing.headers(SOURCE)));
    }

    private static String pendingStore(String stores) {
        return stores + "-pending";
    }

    private static String publishedStore(String stores) {
        return stores + "-published";
    }
}
