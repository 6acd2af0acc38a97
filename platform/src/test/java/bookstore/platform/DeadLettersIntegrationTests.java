package bookstore.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.platform.deadletters.DeadLetter;
import bookstore.platform.deadletters.DeadLetterDetail;
import bookstore.platform.deadletters.DeadLetterDetail.HeaderValue;
import bookstore.platform.deadletters.Redrive;
import bookstore.platform.deadletters.RedrivingDeadLetters.Listing;
import bookstore.platform.deadletters.RedrivingDeadLetters.Outcome;
import bookstore.platform.deadletters.RedrivingDeadLetters.RedriveAnswer;
import bookstore.platform.fixture.Balances;
import bookstore.platform.fixture.BatchBalances;
import bookstore.platform.fixture.Credited;
import bookstore.platform.fixture.Deliveries;
import bookstore.platform.fixture.FlakyHandler;
import bookstore.platform.fixture.Ledger;
import bookstore.platform.fixture.LedgerApplication;
import bookstore.platform.fixture.LedgerEvent;
import bookstore.platform.outbox.Outbox;
import bookstore.testsupport.RealKafka;
import bookstore.testsupport.RealPostgres;
import bookstore.testsupport.StubIdentityProvider;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.util.UriBuilder;

/**
 * Dead letters, operated: a record a group gives up on is listed and inspected through the admin API, a dry run says
 * what a re-drive would do and changes nothing, and once the cause is fixed a re-drive hands it to that group alone
 * and changes the state exactly once, however often it is re-driven. The service runs under a name of its own, so its
 * consumer groups are not shared with the other tests' contexts.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        properties = {"spring.application.name=ledger-redrive", "bookstore.dead-letters.census-interval=500ms"})
@AutoConfigureWebTestClient(timeout = "60s")
@RealKafka
@RealPostgres
class DeadLettersIntegrationTests {

    static final String API = "/api/dead-letters/ledger-redrive";
    static final String PROJECTION = "ledger-redrive.ledger-projection";
    static final String BATCHES = "ledger-redrive.ledger-batches";
    static final String DLT = LedgerEvent.TOPIC.deadLetterTopic();

    static final StubIdentityProvider identity = StubIdentityProvider.start();

    @DynamicPropertySource
    static void trustTheStubIdentityProvider(DynamicPropertyRegistry registry) {
        registry.add("bookstore.security.jwks-uri", identity::jwksUri);
    }

    @AfterAll
    static void stopIdentityProvider() {
        identity.close();
    }

    @Autowired
    WebTestClient http;

    @Autowired
    Ledger ledger;

    @Autowired
    Balances projection;

    @Autowired
    BatchBalances batches;

    @Autowired
    Deliveries deliveries;

    @Autowired
    FlakyHandler flaky;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionalOperator transactions;

    final String admin = identity.adminToken();

    @Test
    void aRecordRefusedUntilItsCauseIsFixedIsRedrivenToItsOwnGroupAndChangesStateOnce() {
        String account = "acc-" + UUID.randomUUID();
        Credited credit = Credited.of(account, 7);

        DeadLetter dead = refusedByTheProjection(credit);
        assertThat(dead.topic()).isEqualTo(DLT);
        assertThat(dead.originalTopic()).isEqualTo(LedgerEvent.TOPIC.name());
        assertThat(dead.originalPartition()).isNotNull();
        assertThat(dead.originalOffset()).isNotNull();
        assertThat(dead.originalTimestamp()).isNotNull();
        assertThat(dead.key()).isEqualTo(account);
        assertThat(dead.eventType()).isEqualTo("bookstore.fixture.Credited");
        assertThat(dead.exceptionClass()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(dead.exceptionMessage()).isEqualTo("account " + account + " is refused");
        assertThat(dead.lastRedrive()).isNull();
        // The topic's other groups handled the same record.
        await().untilAsserted(() -> assertThat(deliveries.of(credit.eventId())).isEqualTo(1));
        await().untilAsserted(() -> assertThat(batches.of(account)).isEqualTo(7));

        DeadLetterDetail detail = inspect(dead);
        assertThat(detail.deadLetter()).isEqualTo(dead);
        assertThat(detail.payload()).contains("\"accountId\":\"" + account + "\"");
        assertThat(detail.payloadEncoding()).isEqualTo("utf-8");
        assertThat(detail.headers())
                .contains(new HeaderValue("ce_id", credit.eventId().toString(), "utf-8"))
                .contains(new HeaderValue(
                        "kafka_dlt-original-offset", dead.originalOffset().toString(), "number"))
                .contains(new HeaderValue("kafka_dlt-original-consumer-group", PROJECTION, "utf-8"));

        double redrivenBefore = redriven("redriven");
        double refusedBefore = redriven("refused");

        RedriveAnswer dryRun = redrive(dead, true, false);
        assertThat(dryRun.dryRun()).isTrue();
        assertThat(dryRun.outcome()).isEqualTo(Outcome.WOULD_REDRIVE);
        assertThat(dryRun.alreadyHandled()).isFalse();
        assertThat(dryRun.detail()).contains(PROJECTION).contains("Nothing was changed");
        assertThat(projection.of(account).block()).isZero();
        assertThat(deadLetter(dead).lastRedrive())
                .as("a dry run is not remembered")
                .isNull();

        flaky.accept(account);
        RedriveAnswer done = redrive(dead, false, false);
        assertThat(done.outcome()).isEqualTo(Outcome.REDRIVEN);
        assertThat(done.alreadyHandled()).isFalse();
        assertThat(projection.of(account).block()).isEqualTo(7);
        assertThat(deadLetter(dead).lastRedrive())
                .extracting(Redrive::outcome, Redrive::forced)
                .containsExactly(Redrive.Outcome.REDRIVEN, false);
        assertThat(list(query -> query.queryParam("redriven", false).queryParam("group", PROJECTION)))
                .as("no longer waiting")
                .noneMatch(letter -> letter.eventId().equals(credit.eventId().toString()));

        http.post()
                .uri(redrivePath(dead, false, false))
                .headers(headers -> headers.setBearerAuth(admin))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/dead-letter-already-redriven")
                .jsonPath("$.lastRedrive.outcome")
                .isEqualTo("REDRIVEN");

        RedriveAnswer forced = redrive(dead, false, true);
        assertThat(forced.outcome()).isEqualTo(Outcome.REDRIVEN);
        assertThat(forced.alreadyHandled()).isTrue();
        assertThat(forced.detail()).contains("nothing changed");

        assertThat(projection.of(account).block()).as("changed once").isEqualTo(7);
        assertThat(deliveries.of(credit.eventId()))
                .as("the other groups were not bothered")
                .isEqualTo(1);
        assertThat(batches.of(account)).isEqualTo(7);
        assertThat(redriven("redriven")).isEqualTo(redrivenBefore + 2);
        assertThat(redriven("refused")).isEqualTo(refusedBefore + 1);
    }

    @Test
    void aRecordThatStillFailsStaysDeadLetteredAndTheAnswerSaysWhy() {
        String account = "acc-" + UUID.randomUUID();
        Credited negative = Credited.of(account, -3);

        ledger.credit(Credited.of(account, 1)).block();
        // A producer's bug: the ledger itself refuses a negative credit, so it is announced without one.
        transactions.transactional(outbox.append(LedgerEvent.TOPIC, negative)).block();

        DeadLetter dead = awaitDeadLetter(BATCHES, negative.eventId());
        double failedBefore = redriven("failed");

        RedriveAnswer answer = redrive(dead, false, false);

        assertThat(answer.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(answer.alreadyHandled())
                .as("the batch handler keeps no record of events")
                .isNull();
        assertThat(answer.failure())
                .isEqualTo("java.lang.IllegalArgumentException: negative credit " + negative.eventId());
        assertThat(answer.detail()).contains("stays dead-lettered");
        assertThat(batches.of(account)).isEqualTo(1);
        assertThat(redriven("failed")).isEqualTo(failedBefore + 1);
        assertThat(list(query -> query.queryParam("redriven", false).queryParam("group", BATCHES)))
                .filteredOn(letter -> letter.eventId().equals(negative.eventId().toString()))
                .singleElement()
                .extracting(letter -> letter.lastRedrive().outcome())
                .isEqualTo(Redrive.Outcome.FAILED);
        // A failed re-drive may be tried again.
        assertThat(redrive(dead, false, false).outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void theDeadLettersWaitingAreGaugedAndARedrivenOneNoLongerCounts() {
        String account = "acc-" + UUID.randomUUID();
        Credited credit = Credited.of(account, 2);
        DeadLetter dead = refusedByTheProjection(credit);

        // The census counts what the listing shows as waiting (other tests' records may still be arriving).
        await().untilAsserted(() -> assertThat(waitingGauge()).isEqualTo(waiting()));

        flaky.accept(account);
        assertThat(redrive(dead, false, false).outcome()).isEqualTo(Outcome.REDRIVEN);

        assertThat(list(query -> query.queryParam("redriven", false)))
                .noneMatch(letter -> letter.eventId().equals(credit.eventId().toString()));
        await().untilAsserted(() -> assertThat(waitingGauge()).isEqualTo(waiting()));
    }

    @Test
    void onlyAdminsReachTheDeadLetters() {
        http.get().uri(API).exchange().expectStatus().isUnauthorized();
        http.get()
                .uri(API)
                .headers(headers -> headers.setBearerAuth(identity.customerToken()))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.post()
                .uri(API + "/" + DLT + "/0/0/redrive")
                .headers(headers -> headers.setBearerAuth(identity.customerToken()))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void unknownDeadLettersAreNotFoundAndBadParametersAreRefused() {
        for (String missing : List.of(
                DLT + "/0/999999999",
                DLT + "/7/0",
                "orders.events.v1.dlt/0/0",
                LedgerEvent.TOPIC.name() + "/0/0",
                "no-such-topic.dlt/0/0")) {
            http.get()
                    .uri(API + "/" + missing)
                    .headers(headers -> headers.setBearerAuth(admin))
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://bookstore.example/problems/dead-letter-not-found");
            http.post()
                    .uri(API + "/" + missing + "/redrive?dryRun=true")
                    .headers(headers -> headers.setBearerAuth(admin))
                    .exchange()
                    .expectStatus()
                    .isNotFound();
        }
        for (String bad : List.of(
                "?topic=orders.events.v1",
                "?group=ledger-fixture.ledger-projection",
                "?size=0",
                "?size=101",
                "?page=-1",
                "?page=500&size=20",
                "?page=2147483647",
                "?redriven=perhaps",
                "/" + DLT + "/-1/0",
                "/" + DLT + "/0/-5",
                "/" + DLT + "/zero/0")) {
            http.get()
                    .uri(API + bad)
                    .headers(headers -> headers.setBearerAuth(admin))
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        http.post()
                .uri(API + "/" + DLT + "/0/0/redrive?force=sometimes")
                .headers(headers -> headers.setBearerAuth(admin))
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    /** A credit the projection refuses until the test accepts its account: dead-lettered by that group alone. */
    private DeadLetter refusedByTheProjection(Credited credit) {
        flaky.refuse(credit.accountId());
        ledger.credit(credit).block();
        return awaitDeadLetter(PROJECTION, credit.eventId());
    }

    private DeadLetter awaitDeadLetter(String group, UUID eventId) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> list(query -> query.queryParam("group", group)).stream()
                                .filter(letter -> letter.eventId().equals(eventId.toString()))
                                .findFirst()
                                .orElse(null),
                        letter -> letter != null);
    }

    private DeadLetter deadLetter(DeadLetter letter) {
        return inspect(letter).deadLetter();
    }

    private List<DeadLetter> list(Function<UriBuilder, UriBuilder> query) {
        return listing(query).items();
    }

    private Listing listing(Function<UriBuilder, UriBuilder> query) {
        return http.get()
                .uri(builder ->
                        query.apply(builder.path(API).queryParam("size", 100)).build())
                .headers(headers -> headers.setBearerAuth(admin))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Listing.class)
                .returnResult()
                .getResponseBody();
    }

    private DeadLetterDetail inspect(DeadLetter letter) {
        return http.get()
                .uri(API + "/" + letter.topic() + "/" + letter.partition() + "/" + letter.offset())
                .headers(headers -> headers.setBearerAuth(admin))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(DeadLetterDetail.class)
                .returnResult()
                .getResponseBody();
    }

    private RedriveAnswer redrive(DeadLetter letter, boolean dryRun, boolean force) {
        return http.post()
                .uri(redrivePath(letter, dryRun, force))
                .headers(headers -> headers.setBearerAuth(admin))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(RedriveAnswer.class)
                .returnResult()
                .getResponseBody();
    }

    private static String redrivePath(DeadLetter letter, boolean dryRun, boolean force) {
        return API + "/" + letter.topic() + "/" + letter.partition() + "/" + letter.offset() + "/redrive?dryRun="
                + dryRun + "&force=" + force;
    }

    private double redriven(String outcome) {
        return meters.get("bookstore.messaging.dead.letters.redriven")
                .tag("topic", LedgerEvent.TOPIC.name())
                .tag("outcome", outcome)
                .counter()
                .count();
    }

    private double waiting() {
        return listing(query -> query.queryParam("redriven", false)).total();
    }

    private double waitingGauge() {
        return meters.get("bookstore.messaging.dead.letters.waiting")
                .tag("topic", LedgerEvent.TOPIC.name())
                .gauge()
                .value();
    }
}
