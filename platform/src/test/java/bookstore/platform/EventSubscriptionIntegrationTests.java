package bookstore.platform;

import static bookstore.platform.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.events.CloudEvents;
import bookstore.platform.fixture.Balances;
import bookstore.platform.fixture.BatchBalances;
import bookstore.platform.fixture.Credited;
import bookstore.platform.fixture.Deliveries;
import bookstore.platform.fixture.FlakyHandler;
import bookstore.platform.fixture.LedgerApplication;
import bookstore.platform.fixture.LedgerEvent;
import bookstore.platform.messaging.EventCodec;
import bookstore.testsupport.RealKafka;
import bookstore.testsupport.RealPostgres;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Consuming: at most one state change per event id, bounded retries, and poison records parked on
 * the dead-letter topic without stalling the partition. Records are produced straight to Kafka here,
 * as a redelivering broker or a misbehaving producer would send them.
 */
@SpringBootTest(classes = LedgerApplication.class)
@RealKafka
@RealPostgres
class EventSubscriptionIntegrationTests {

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    EventCodec codec;

    @Autowired
    Balances projection;

    @Autowired
    FlakyHandler flaky;

    @Autowired
    Deliveries deliveries;

    @Autowired
    BatchBalances batches;

    @Autowired
    DatabaseClient database;

    @Autowired
    MeterRegistry meters;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void duplicateDeliveryChangesStateOnce() {
        Credited credit = Credited.of("acc-" + UUID.randomUUID(), 10);
        Credited later = Credited.of(credit.accountId(), 1);

        send(credit);
        send(credit);
        send(later);

        // The later record is on the same partition, so once it is applied both copies were seen.
        await().untilAsserted(() -> assertThat(processed(later.eventId())).isTrue());
        assertThat(projection.of(credit.accountId()).block()).isEqualTo(11);
    }

    @Test
    void aSubscriptionWithoutDeduplicationIsHandedEveryDeliveryAndRecordsNone() {
        Credited credit = Credited.of("acc-" + UUID.randomUUID(), 5);
        Credited later = Credited.of(credit.accountId(), 1);

        send(credit);
        send(credit);
        send(later);

        await().untilAsserted(() -> assertThat(deliveries.of(later.eventId())).isEqualTo(1));
        assertThat(deliveries.of(credit.eventId())).isEqualTo(2);
        // The deduplicated consumer of the same records recorded them; this one did not.
        await().untilAsserted(() -> assertThat(processed(later.eventId())).isTrue());
        assertThat(processedBy("ledger-fixture.ledger-deliveries")).isZero();
    }

    @Test
    void failedHandlerLeavesNoTraceAndItsRetrySucceedsOnce() {
        Credited credit = Credited.of("acc-" + UUID.randomUUID(), 4);
        flaky.failOnceFor(credit.eventId());

        send(credit);

        await().untilAsserted(() ->
                assertThat(projection.of(credit.accountId()).block()).isEqualTo(4));
        assertThat(processed(credit.eventId())).isTrue();
    }

    @Test
    void poisonRecordsLandInTheDeadLetterTopicAndLaterRecordsAreStillConsumed() {
        String account = "acc-" + UUID.randomUUID();
        UUID notJson = UUID.randomUUID();
        UUID unknownType = UUID.randomUUID();
        Credited refused = Credited.of(account, -1);
        Credited good = Credited.of(account, 2);

        send(account, "bookstore.fixture.Credited", "{not json".getBytes(StandardCharsets.UTF_8), notJson);
        send(account, "bookstore.fixture.Debited", codec.encode(good), unknownType);
        send(refused);
        send(good);

        await().untilAsserted(() -> assertThat(projection.of(account).block()).isEqualTo(2));
        try (var deadLetters = new TopicReader(bootstrapServers, LedgerEvent.TOPIC.deadLetterTopic())) {
            await().untilAsserted(() -> assertThat(deadLetters.records().stream()
                            .filter(r -> account.equals(r.key()))
                            .filter(r -> "ledger-fixture.ledger-projection"
                                    .equals(header(r, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)))
                            .map(r -> header(r, CloudEvents.ID))
                            .toList())
                    .containsExactlyInAnyOrder(
                            notJson.toString(),
                            unknownType.toString(),
                            refused.eventId().toString()));
        }
        assertThat(processed(refused.eventId())).isFalse();
    }

    @Test
    void deadLettersAreCountedByTheTopicTheyCameFrom() {
        Counter deadLettered = meters.get("bookstore.messaging.dead.letters")
                .tag("topic", LedgerEvent.TOPIC.name())
                .counter();
        double before = deadLettered.count();

        String account = "acc-" + UUID.randomUUID();
        send(account, "bookstore.fixture.Credited", "{not json".getBytes(StandardCharsets.UTF_8), UUID.randomUUID());

        // Each of the topic's three subscriptions gives up on it and dead-letters its own copy.
        await().untilAsserted(() -> assertThat(deadLettered.count()).isEqualTo(before + 3));
    }

    @Test
    void aPollsRecordsReachASetBasedHandlerAsOneBatch() {
        String account = "acc-" + UUID.randomUUID();
        List<Credited> credits = IntStream.rangeClosed(1, 20)
                .mapToObj(i -> Credited.of(account, i))
                .toList();

        credits.forEach(this::sendWithoutWaiting);
        kafka.flush();

        await().untilAsserted(() -> assertThat(batches.of(account)).isEqualTo(210));
        assertThat(batches.batchSizes())
                .as("the records sent together arrived together")
                .anyMatch(size -> size > 1);
    }

    @Test
    void aPoisonRecordInABatchIsDeadLetteredAloneAndTheOthersTakeEffect() {
        String account = "acc-" + UUID.randomUUID();
        Credited before = Credited.of(account, 1);
        Credited poison = Credited.of(account, -100);
        Credited after = Credited.of(account, 10);
        Credited later = Credited.of(account, 100);

        List.of(before, poison, after, later).forEach(this::sendWithoutWaiting);
        kafka.flush();

        await().untilAsserted(() -> assertThat(batches.of(account)).isEqualTo(111));
        try (var deadLetters = new TopicReader(bootstrapServers, LedgerEvent.TOPIC.deadLetterTopic())) {
            await().untilAsserted(() -> assertThat(deadLetters.records().stream()
                            .filter(r -> account.equals(r.key()))
                            .filter(r -> "ledger-fixture.ledger-batches"
                                    .equals(header(r, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)))
                            .map(r -> header(r, CloudEvents.ID))
                            .toList())
                    .containsExactly(poison.eventId().toString()));
        }
    }

    @Test
    void aBatchFailingForAPassingReasonIsRetriedUntilItPassesAndNothingIsDeadLettered() {
        String account = "acc-" + UUID.randomUUID();
        Credited credit = Credited.of(account, 5);
        Credited other = Credited.of(account, 7);
        // More failures than a record's retries before dead-lettering: only a passing failure survives them.
        batches.failTransientlyFor(credit.eventId(), 6);

        sendWithoutWaiting(credit);
        sendWithoutWaiting(other);
        kafka.flush();

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(batches.of(account)).isEqualTo(12));
        try (var deadLetters = new TopicReader(bootstrapServers, LedgerEvent.TOPIC.deadLetterTopic())) {
            assertThat(deadLetters.records()).noneMatch(r -> account.equals(r.key()));
        }
    }

    private void sendWithoutWaiting(Credited credit) {
        kafka.send(record(credit.accountId(), "bookstore.fixture.Credited", codec.encode(credit), credit.eventId()));
    }

    /** A well-formed record of the credit, as the outbox relay would publish it. */
    private void send(Credited credit) {
        send(credit.accountId(), "bookstore.fixture.Credited", codec.encode(credit), credit.eventId());
    }

    private void send(String key, String type, byte[] value, UUID eventId) {
        kafka.send(record(key, type, value, eventId)).join();
    }

    private static ProducerRecord<String, byte[]> record(String key, String type, byte[] value, UUID eventId) {
        var record = new ProducerRecord<>(LedgerEvent.TOPIC.name(), key, value);
        for (var header : List.of(
                new String[] {CloudEvents.ID, eventId.toString()},
                new String[] {CloudEvents.TYPE, type},
                new String[] {CloudEvents.SOURCE, "/tests"},
                new String[] {CloudEvents.SPECVERSION, CloudEvents.SPEC_VERSION})) {
            record.headers().add(header[0], header[1].getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private long processedBy(String consumer) {
        return database.sql("SELECT count(*) FROM inbox_processed_event WHERE consumer = :consumer")
                .bind("consumer", consumer)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    private boolean processed(UUID eventId) {
        return Boolean.TRUE.equals(database.sql("SELECT count(*) > 0 FROM inbox_processed_event WHERE event_id = :id")
                .bind("id", eventId)
                .map(row -> row.get(0, Boolean.class))
                .one()
                .block());
    }
}
