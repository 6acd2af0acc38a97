package bookstore.platform;

import static bookstore.platform.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import bookstore.events.CloudEvents;
import bookstore.platform.fixture.Credited;
import bookstore.platform.fixture.Ledger;
import bookstore.platform.fixture.LedgerApplication;
import bookstore.platform.fixture.LedgerEvent;
import bookstore.platform.outbox.Outbox;
import bookstore.platform.outbox.OutboxRelay;
import bookstore.testsupport.RealKafka;
import bookstore.testsupport.RealPostgres;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@SpringBootTest(classes = LedgerApplication.class)
@RealKafka
@RealPostgres
class OutboxIntegrationTests {

    @Autowired
    Ledger ledger;

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxRelay relay;

    @Autowired
    DatabaseClient database;

    @Autowired
    ConnectionFactory connections;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    TopicReader topic;

    @BeforeEach
    void readTopic() {
        topic = new TopicReader(bootstrapServers, LedgerEvent.TOPIC.name());
    }

    @AfterEach
    void closeReader() {
        topic.close();
        relay.start();
    }

    @Test
    void eventCommittedWhileTheRelayIsDownIsPublishedWhenItComesBack() {
        relay.stop();
        Credited credit = Credited.of("acc-" + UUID.randomUUID(), 5);

        ledger.credit(credit).block();

        assertThat(inOutbox(credit.eventId())).as("committed but not yet sent").isTrue();
        relay.start();
        ConsumerRecord<String, byte[]> published = awaitPublished(credit.eventId());
        assertThat(published.key()).isEqualTo(credit.accountId());
        assertThat(new String(published.value(), StandardCharsets.UTF_8))
                .contains("\"accountId\":\"" + credit.accountId() + "\"")
                .contains("\"schemaVersion\":1");
        // Deleted once Kafka has it: the table holds only what waits.
        await().until(() -> !inOutbox(credit.eventId()));
    }

    @Test
    void onlyCommitsOfAReplicaThatDoesNotLeadNotifyTheLeader() {
        List<String> payloads = new CopyOnWriteArrayList<>();
        PostgresqlConnection listener = Mono.from(connections.create())
                .map(connection -> (PostgresqlConnection) ((Wrapped<?>) connection).unwrap())
                .block();
        try {
            var listening = listener.createStatement("LISTEN " + OutboxRelay.CHANNEL)
                    .execute()
                    .flatMap(PostgresqlResult::getRowsUpdated)
                    .thenMany(listener.getNotifications())
                    .subscribe(notification -> payloads.add(notification.getParameter()));
            await().until(relay::leads);
            Credited byTheLeader = Credited.of("acc-" + UUID.randomUUID(), 1);
            ledger.credit(byTheLeader).block();
            awaitPublished(byTheLeader.eventId());
            // Notifications arrive in commit order: one the leader's commit sent would come before this.
            database.sql("SELECT pg_notify(:channel, 'marker')")
                    .bind("channel", OutboxRelay.CHANNEL)
                    .then()
                    .block();

            relay.stop();
            assertThat(relay.leads()).isFalse();
            Credited byAnother = Credited.of("acc-" + UUID.randomUUID(), 2);
            ledger.credit(byAnother).block();

            await().until(() -> payloads.size() >= 2 || (payloads.size() == 1 && !payloads.contains("marker")));
            assertThat(payloads).containsExactly("marker", "");
            relay.start();
            awaitPublished(byAnother.eventId());
            listening.dispose();
        } finally {
            Mono.from(listener.close()).block();
        }
    }

    @Test
    void recordsCarryTheCloudEventsEnvelope() {
        Credited credit = Credited.of("acc-" + UUID.randomUUID(), 1);

        ledger.credit(credit).block();

        ConsumerRecord<String, byte[]> published = awaitPublished(credit.eventId());
        assertThat(header(published, CloudEvents.TYPE)).isEqualTo("bookstore.fixture.Credited");
        assertThat(header(published, CloudEvents.SOURCE)).isEqualTo("/bookstore/ledger-fixture");
        assertThat(header(published, CloudEvents.SPECVERSION)).isEqualTo("1.0");
        assertThat(header(published, CloudEvents.TIME)).endsWith("Z");
        assertThat(header(published, CloudEvents.CONTENT_TYPE)).isEqualTo("application/json");
    }

    @Test
    void rolledBackTransactionPublishesNothing() {
        Credited rolledBack = Credited.of("acc-" + UUID.randomUUID(), 7);
        Credited committed = Credited.of(rolledBack.accountId(), 3);

        assertThatThrownBy(() -> ledger.creditThenFail(rolledBack).block()).isInstanceOf(IllegalStateException.class);
        ledger.credit(committed).block();

        awaitPublished(committed.eventId());
        assertThat(topic.records())
                .noneMatch(r -> rolledBack.eventId().toString().equals(header(r, CloudEvents.ID)));
        assertThat(inOutbox(rolledBack.eventId())).isFalse();
        assertThat(ledger.balance(rolledBack.accountId()).block()).isEqualTo(3);
    }

    @Test
    void eventsOfOneAggregateArriveInTheOrderTheyWereCommitted() {
        String account = "acc-" + UUID.randomUUID();
        List<Credited> credits = IntStream.rangeClosed(1, 30)
                .mapToObj(i -> Credited.of(account, i))
                .toList();

        Flux.fromIterable(credits).concatMap(ledger::credit).blockLast();

        List<String> expected =
                credits.stream().map(c -> c.eventId().toString()).toList();
        await().untilAsserted(() -> assertThat(topic.records().stream()
                        .filter(r -> account.equals(r.key()))
                        .map(r -> header(r, CloudEvents.ID))
                        .toList())
                .containsExactlyElementsOf(expected));
    }

    @Test
    void aTransactionsEventsAreWrittenTogetherInTheOrderAppended() {
        relay.stop();
        String account = "acc-" + UUID.randomUUID();
        List<Credited> credits = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> Credited.of(account, i))
                .toList();

        ledger.creditAll(credits).block();

        List<UUID> byPosition = database.sql("SELECT event_id FROM outbox_event WHERE record_key = :key ORDER BY id")
                .bind("key", account)
                .map(row -> row.get(0, UUID.class))
                .all()
                .collectList()
                .block();
        assertThat(byPosition)
                .containsExactlyElementsOf(
                        credits.stream().map(Credited::eventId).toList());
        relay.start();
        await().until(() -> credits.stream().noneMatch(credit -> inOutbox(credit.eventId())));
    }

    @Test
    void aStateChangeOfOneStatementCarriesItsEventsOnlyWhenItChangesARow() {
        Credited opening = Credited.of("acc-" + UUID.randomUUID(), 9);
        Credited again = Credited.of(opening.accountId(), 4);

        assertThat(ledger.open(opening).block()).isTrue();
        assertThat(ledger.open(again).block()).isFalse();

        awaitPublished(opening.eventId());
        assertThat(ledger.balance(opening.accountId()).block()).isEqualTo(9);
        assertThat(inOutbox(again.eventId())).isFalse();
        assertThat(topic.records()).noneMatch(r -> again.eventId().toString().equals(header(r, CloudEvents.ID)));
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.append(LedgerEvent.TOPIC, Credited.of("acc-x", 1))
                        .block())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside the transaction");
    }

    private ConsumerRecord<String, byte[]> awaitPublished(UUID eventId) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> topic.records().stream()
                                .filter(r -> eventId.toString().equals(header(r, CloudEvents.ID)))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private boolean inOutbox(UUID eventId) {
        return Boolean.TRUE.equals(database.sql("SELECT count(*) > 0 FROM outbox_event WHERE event_id = :id")
                .bind("id", eventId)
                .map(row -> row.get(0, Boolean.class))
                .one()
                .block());
    }
}
