package bookstore.analytics.imports.application;

import bookstore.analytics.imports.domain.ImportSummary;
import bookstore.analytics.imports.sample.SampleHistory;
import bookstore.analytics.query.Globals;
import bookstore.analytics.streams.BookFacts;
import bookstore.analytics.streams.ShopCalendar;
import bookstore.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Gives a fresh local shop a past: once the catalogue's sample books have all arrived, a generated history of
 * {@link ImportProperties#seedHistoryLength()} up to yesterday is imported through the same path as an admin's file
 * (checked, then published on {@code sales.imports.v1}). A shop that has imported anything before is left alone: a
 * history generated on a later day would be a different file, counted on top of the first.
 *
 * <p>Runs on its own thread after start-up, so the service is up (and answering) while it waits and imports.
 */
@Component
@ConditionalOnBooleanProperty("bookstore.analytics.seed-history")
class HistorySeeding implements DisposableBean {

    /** The same books and days always give the same history. */
    static final long SEED = 20;

    private static final Logger log = LoggerFactory.getLogger(HistorySeeding.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration ASKING = Duration.ofSeconds(30);

    private final StreamsBuilderFactoryBean streams;
    private final Globals globals;
    private final ShopCalendar calendar;
    private final ImportingSales importing;
    private final KafkaAdmin kafkaAdmin;
    private final ImportProperties properties;
    private final Thread seeding;
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

    HistorySeeding(
            StreamsBuilderFactoryBean streams,
            Globals globals,
            ShopCalendar calendar,
            ImportingSales importing,
            KafkaAdmin kafkaAdmin,
            ImportProperties properties) {
        this.streams = streams;
        this.globals = globals;
        this.calendar = calendar;
        this.importing = importing;
        this.kafkaAdmin = kafkaAdmin;
        this.properties = properties;
        this.seeding = Thread.ofPlatform().name("history-seeding").daemon().unstarted(this::seedQuietly);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        seeding.start();
    }

    @Override
    public void destroy() {
        seeding.interrupt();
    }

    /** What the seeding after start-up came to, once it has. */
    CompletableFuture<Outcome> outcome() {
        return outcome;
    }

    private void seedQuietly() {
        try {
            outcome.complete(seed());
        } catch (InterruptedException e) {
            log.info("Stopped before the sample history was imported");
            outcome.completeExceptionally(e);
        } catch (RuntimeException e) {
            log.warn("Could not import the sample history", e);
            outcome.completeExceptionally(e);
        }
    }

    /** Waits for the books, then imports the history unless the shop has imported before. */
    Outcome seed() throws InterruptedException {
        List<BookFacts> books = settledBooks();
        if (books.isEmpty()) {
            log.warn("No sample history: the catalogue had no books within {}", properties.seedHistoryPatience());
            return new Outcome.Skipped(0);
        }
        long earlier = importedRecords();
        if (earlier > 0) {
            log.info("No sample history: {} already holds {} imported sales", Topics.SALES_IMPORTS.name(), earlier);
            return new Outcome.Skipped(earlier);
        }
        LocalDate yesterday = LocalDate.now(calendar.zone()).minusDays(1);
        SampleHistory history =
                SampleHistory.upTo(yesterday, properties.seedHistoryLength(), books, calendar.zone(), SEED);
        Instant started = Instant.now();
        ImportSummary imported =
                importing.importLines(Flux.fromStream(history::csvLines)).block();
        log.info(
                "Imported a sample history of {} order lines ({} orders, {} customers, {} books, {} to {}) in {} s",
                imported.lines(),
                imported.orders(),
                imported.customers(),
                imported.books(),
                imported.from().atZone(calendar.zone()).toLocalDate(),
                imported.to().atZone(calendar.zone()).toLocalDate(),
                Duration.between(started, Instant.now()).toMillis() / 1000.0);
        return new Outcome.Seeded(imported);
    }

    /** Whether seeding imported a history, or found none was wanted. */
    sealed interface Outcome {

        record Seeded(ImportSummary imported) implements Outcome {}

        /** @param importedBefore the records the imports topic held already; 0 if the catalogue had no books */
        record Skipped(long importedBefore) implements Outcome {}
    }

    /**
     * The catalogue's books once their number has stopped growing for the quiet period: the catalogue adds its
     * sample shelves a few at a time at its own start. Empty if none came within the patience.
     */
    private List<BookFacts> settledBooks() throws InterruptedException {
        Instant giveUp = Instant.now().plus(properties.seedHistoryPatience());
        long known = -1;
        Instant changed = Instant.now();
        while (Instant.now().isBefore(giveUp)) {
            try {
                if (running()) {
                    long count = globals.allBooks().size();
                    if (count != known) {
                        known = count;
                        changed = Instant.now();
                    } else if (count > 0
                            && !Instant.now().isBefore(changed.plus(properties.seedHistoryQuietPeriod()))) {
                        return List.copyOf(globals.allBooks().values());
                    }
                }
            } catch (InvalidStateStoreException movingOrRestoring) {
                // Kafka Streams left RUNNING between the check and the read: ask again on the next round.
            }
            Thread.sleep(POLL);
        }
        return List.of();
    }

    private boolean running() {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        return kafkaStreams != null && kafkaStreams.state() == KafkaStreams.State.RUNNING;
    }

    /** How many records the imports topic holds: the sum of its partitions' end offsets. */
    private long importedRecords() throws InterruptedException {
        String topic = Topics.SALES_IMPORTS.name();
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            Map<TopicPartition, OffsetSpec> ends = admin
                    .describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(ASKING.toMillis(), TimeUnit.MILLISECONDS)
                    .get(topic)
                    .partitions()
                    .stream()
                    .collect(Collectors.toMap(
                            partition -> new TopicPartition(topic, partition.partition()),
                            partition -> OffsetSpec.latest()));
            return admin.listOffsets(ends).all().get(ASKING.toMillis(), TimeUnit.MILLISECONDS).values().stream()
                    .mapToLong(offset -> offset.offset())
                    .sum();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not tell how much " + topic + " holds", e);
        }
    }
}
