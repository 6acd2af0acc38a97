package bookstore.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.events.payment.PaymentEvent;
import bookstore.events.payment.PaymentRefunded;
import bookstore.events.payment.PaymentSucceeded;
import bookstore.payment.payments.application.ChargeRequest;
import bookstore.payment.payments.application.Payments;
import bookstore.payment.payments.application.RefundRequest;
import bookstore.payment.payments.application.SagaCommand;
import bookstore.payment.payments.application.TakingSagaCommands;
import bookstore.payment.payments.domain.Money;
import bookstore.payment.payments.domain.Payment;
import bookstore.payment.payments.domain.PaymentStatus;
import bookstore.payment.webhook.WebhookSignature;
import bookstore.platform.messaging.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The webhook route as providers use it: real HTTP, no token, Stripe's signature scheme. Each test
 * starts from a charge the sandbox accepted and has not confirmed yet, and then plays the provider:
 * it signs and posts the events itself, twice, late and out of order.
 */
@PaymentServiceIntegrationTest
class WebhookIntegrationTests {

    static final String SECRET = PaymentServiceIntegrationTest.WEBHOOK_SECRET;

    @LocalServerPort
    int port;

    @Autowired
    Payments payments;

    @Autowired
    TakingSagaCommands commands;

    @Autowired
    DatabaseClient database;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    EventCodec codec;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    WebTestClient http;
    SagaTopics saga;
    Payment pending;

    @BeforeEach
    void chargeAwaitingConfirmation() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        saga = new SagaTopics(kafka, codec, bootstrapServers);
        pending = SandboxPendingCharges.pendingCharge(database, payments);
    }

    @AfterEach
    void stopReading() {
        saga.close();
    }

    @Test
    void confirmationCompletesTheChargeAndItsRedeliveryChangesNothing() {
        String event = event("evt_" + UUID.randomUUID(), "payment_intent.succeeded", pending);

        post(event, signed(event))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.outcome")
                .isEqualTo("recorded");
        post(event, signed(event))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.outcome")
                .isEqualTo("duplicate");

        assertThat(status()).isEqualTo("SUCCEEDED");
        assertThat(announced(PaymentSucceeded.class)).isEqualTo(1);
    }

    @Test
    void eventsRepeatingAnOutcomeTheCallAnsweredAreAcknowledgedWithoutBeingRecorded() {
        var charged = new ChargeRequest(
                UUID.randomUUID(),
                "order-" + UUID.randomUUID(),
                "customer-1",
                new Money(2_000, "CNY"),
                "pm_card_visa",
                null);
        commands.take(List.of(SagaCommand.of(charged))).block();
        await().atMost(Duration.ofSeconds(20)).until(() -> paymentOf(charged.orderId()) != null);
        Payment captured = paymentOf(charged.orderId());
        assertThat(captured.status()).isEqualTo(PaymentStatus.SUCCEEDED);

        String succeeded = event("evt_" + UUID.randomUUID(), "payment_intent.succeeded", captured);
        String failed = event("evt_" + UUID.randomUUID(), "payment_intent.payment_failed", captured);
        for (String repeat : List.of(succeeded, failed)) {
            post(repeat, signed(repeat))
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.outcome")
                    .isEqualTo("already_settled");
        }

        assertThat(taken(eventIdOf(succeeded))).isFalse();
        assertThat(taken(eventIdOf(failed))).isFalse();
        assertThat(paymentOf(charged.orderId()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
    }

    @Test
    void failureReportedAfterTheConfirmationChangesNothing() {
        String succeeded = event("evt_" + UUID.randomUUID(), "payment_intent.succeeded", pending);
        String failed = event("evt_" + UUID.randomUUID(), "payment_intent.payment_failed", pending);

        post(succeeded, signed(succeeded)).expectStatus().isOk();
        post(failed, signed(failed)).expectStatus().isOk();

        assertThat(status()).isEqualTo("SUCCEEDED");
        assertThat(announced(PaymentSucceeded.class)).isEqualTo(1);
        assertThat(announced(bookstore.events.payment.PaymentFailed.class)).isZero();
    }

    @Test
    void lateConfirmationOfACancelledChargeIsRecordedAndGivenBack() {
        commands.take(List.of(
                        SagaCommand.of(new RefundRequest(UUID.randomUUID(), pending.orderId(), "payment timed out"))))
                .block();

        // The charge is cancelled at the provider, and the saga is told nothing was captured.
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(status()).isEqualTo("CANCELLED"));
        assertThat(sandboxStatus()).isEqualTo("canceled");
        assertThat(announced(PaymentRefunded.class)).isEqualTo(1);

        // The provider captured it after all (the customer paid as the charge was cancelled) and says so late. This
        // replica recorded the cancellation from its own call a moment ago; the capture is still not taken for a
        // repetition of that outcome.
        database.sql("UPDATE sandbox_payment_intent SET status = 'succeeded' WHERE id = :id")
                .bind("id", pending.providerReference())
                .then()
                .block();
        String late = event("evt_" + UUID.randomUUID(), "payment_intent.succeeded", pending);
        post(late, signed(late))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.outcome")
                .isEqualTo("recorded");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(status()).isEqualTo("REFUNDED"));
        assertThat(announced(PaymentSucceeded.class)).isEqualTo(1);
        assertThat(saga.eventsFor(pending.orderId(), PaymentRefunded.class))
                .extracting(refund -> refund.amount().amount())
                .containsExactly(0L, 2_000L);
    }

    @Test
    void forgedOrStaleEventsAreRefusedAndChangeNothing() {
        String eventId = "evt_" + UUID.randomUUID();
        String event = event(eventId, "payment_intent.succeeded", pending);
        long now = Instant.now().getEpochSecond();
        byte[] body = event.getBytes(StandardCharsets.UTF_8);

        refused(event, WebhookSignature.header(now, body, "whsec_not_ours"));
        refused(event.replace("\"amount\":2000", "\"amount\":1"), signed(event));
        refused(event, WebhookSignature.header(now - 301, body, SECRET));
        refused(event, null);

        assertThat(status()).isEqualTo("PROCESSING");
        assertThat(taken(eventId)).isFalse();
    }

    @Test
    void eventAboutAPaymentNotOnRecordIsRefusedSoTheProviderDeliversItAgain() {
        String eventId = "evt_" + UUID.randomUUID();
        String event = """
                {"id":"%s","object":"event","type":"payment_intent.succeeded","data":{"object":{
                "id":"pi_sbx_unknown","object":"payment_intent","status":"succeeded",
                "metadata":{"payment_id":"%s"}}}}""".formatted(eventId, UUID.randomUUID());

        post(event, signed(event))
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/unknown-payment");
        assertThat(taken(eventId)).isFalse();
    }

    @Test
    void eventsAboutOtherChargesOrOfOtherKindsAreAcknowledged() {
        String foreignCharge = """
                {"id":"evt_%s","object":"event","type":"payment_intent.succeeded","data":{"object":{
                "id":"pi_made_elsewhere","object":"payment_intent","status":"succeeded","metadata":{}}}}""".formatted(UUID.randomUUID());
        String otherKind = """
                {"id":"evt_%s","object":"event","type":"charge.refunded","data":{"object":{
                "id":"ch_1","object":"charge"}}}""".formatted(UUID.randomUUID());

        post(foreignCharge, signed(foreignCharge))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.outcome")
                .isEqualTo("ignored");
        post(otherKind, signed(otherKind))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.outcome")
                .isEqualTo("ignored");
        assertThat(status()).isEqualTo("PROCESSING");
    }

    @Test
    void signedPayloadThatIsNotAnEventIsRefused() {
        String notAnEvent = "{\"hello\":\"world\"}";

        post(notAnEvent, signed(notAnEvent))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/malformed-event");
    }

    @Test
    void providerThatIsNotInUseHasNoWebhookRoute() {
        String event = event("evt_" + UUID.randomUUID(), "payment_intent.succeeded", pending);

        http.post()
                .uri("/api/payments/webhooks/stripe")
                .contentType(MediaType.APPLICATION_JSON)
                .header(WebhookSignature.HEADER, signed(event))
                .bodyValue(event)
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(status()).isEqualTo("PROCESSING");
    }

    private static String event(String eventId, String type, Payment payment) {
        String error = type.equals("payment_intent.payment_failed")
                ? "{\"type\":\"card_error\",\"code\":\"card_declined\",\"decline_code\":\"generic_decline\"}"
                : "null";
        return """
                {"id":"%s","object":"event","api_version":"sandbox","created":%d,"livemode":false,"type":"%s",\
                "data":{"object":{"id":"%s","object":"payment_intent","amount":2000,"currency":"cny",\
                "status":"succeeded","metadata":{"payment_id":"%s","order_id":"%s"},"last_payment_error":%s}}}""".formatted(
                        eventId,
                        Instant.now().getEpochSecond(),
                        type,
                        payment.providerReference(),
                        payment.id(),
                        payment.orderId(),
                        error);
    }

    private static String signed(String event) {
        return WebhookSignature.header(Instant.now().getEpochSecond(), event.getBytes(StandardCharsets.UTF_8), SECRET);
    }

    private WebTestClient.ResponseSpec post(String event, String signature) {
        var request = http.post().uri("/api/payments/webhooks/sandbox").contentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            request = request.header(WebhookSignature.HEADER, signature);
        }
        return request.bodyValue(event.getBytes(StandardCharsets.UTF_8)).exchange();
    }

    private void refused(String event, String signature) {
        post(event, signature)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/invalid-signature");
    }

    private String status() {
        return database.sql("SELECT status FROM payment WHERE id = :id")
                .bind("id", pending.id())
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }

    private String sandboxStatus() {
        return database.sql("SELECT status FROM sandbox_payment_intent WHERE id = :id")
                .bind("id", pending.providerReference())
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }

    /** The payment for the order once its charge is answered, or null while it is processing. */
    private Payment paymentOf(String orderId) {
        return database.sql("SELECT id FROM payment WHERE order_id = :order")
                .bind("order", orderId)
                .map(row -> row.get(0, UUID.class))
                .one()
                .flatMap(payments::findById)
                .filter(Payment::outcomeSettled)
                .block();
    }

    private static String eventIdOf(String event) {
        return event.substring(event.indexOf("\"id\":\"") + 6, event.indexOf('"', event.indexOf("\"id\":\"") + 6));
    }

    private boolean taken(String eventId) {
        return database.sql("SELECT EXISTS (SELECT 1 FROM provider_event WHERE event_id = :id)")
                .bind("id", eventId)
                .map(row -> row.get(0, Boolean.class))
                .one()
                .block();
    }

    /**
     * Events of a type announced for the order so far: once the outbox has published (and dropped)
     * all it holds for the order, they are all on the topic.
     */
    private long announced(Class<? extends PaymentEvent> type) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> database.sql("SELECT count(*) FROM outbox_event WHERE record_key = :order")
                                .bind("order", pending.orderId())
                                .map(row -> row.get(0, Long.class))
                                .one()
                                .block()
                        == 0);
        return saga.eventsFor(pending.orderId(), type).size();
    }
}
