package bookstore.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import bookstore.payment.payments.application.ChargeRequest;
import bookstore.payment.payments.application.SagaCommand;
import bookstore.payment.payments.application.TakingSagaCommands;
import bookstore.payment.payments.domain.Money;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A card that asks for 3-D Secure, in the sandbox: the charge waits for the cardholder, who is sent to
 * the sandbox's page (open without a token, as a bank's page is) and confirms or refuses there; the
 * outcome comes back as Stripe's signed webhook and settles the payment.
 */
@PaymentServiceIntegrationTest
class CardAuthenticationIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    TakingSagaCommands commands;

    @Autowired
    DatabaseClient database;

    WebTestClient anonymous;
    String orderId;

    @BeforeEach
    void noToken() {
        anonymous = WebTestClient.bindToApplicationContext(context)
                .apply(springSecurity())
                .configureClient()
                .build();
        orderId = "order-" + UUID.randomUUID();
    }

    @Test
    void theCardholderConfirmsOnTheSandboxPageAndThePaymentIsCaptured() {
        String page = chargeWaitingForTheCardholder("pm_card_threeDSecure2Required");

        anonymous
                .get()
                .uri(page + "?lang=en")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .value(html -> assertThat(html)
                        .contains("Card verification (3-D Secure)", "Order " + orderId, "¥56.00", "Awaiting payment"));

        anonymous
                .post()
                .uri(page + "/approve?lang=en")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("class=\"status PAID\""));

        await().atMost(Duration.ofSeconds(20)).until(() -> "SUCCEEDED".equals(column("status")));
        // Confirmed once: a second confirmation (a reload of the form) shows the paid bill and changes nothing.
        anonymous
                .post()
                .uri(page + "/approve")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html ->
                        assertThat(html).contains("class=\"status PAID\"").doesNotContain("<form"));
    }

    @Test
    void theCardholderRefusesAndThePaymentFailsAsStripeSaysAuthenticationRequired() {
        String page = chargeWaitingForTheCardholder("pm_card_authenticationRequired");

        anonymous
                .post()
                .uri(page + "/decline?lang=zh")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("class=\"status DECLINED\"", "已拒绝支付"));

        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(column("status")));
        assertThat(column("failure_reason")).isEqualTo("authentication_required");
        // Refused is final: confirming afterwards captures nothing.
        anonymous.post().uri(page + "/approve").exchange().expectStatus().isOk();
        assertThat(column("status")).isEqualTo("FAILED");
    }

    @Test
    void onlyAChargeThatAsksFor3dSecureHasAPage() {
        commands.take(List.of(SagaCommand.of(new ChargeRequest(
                        UUID.randomUUID(),
                        orderId,
                        UUID.randomUUID().toString(),
                        new Money(5_600, "CNY"),
                        "pm_card_visa",
                        null))))
                .block();
        await().atMost(Duration.ofSeconds(20)).until(() -> "SUCCEEDED".equals(column("status")));

        anonymous
                .get()
                .uri("/api/payments/sandbox/pay/card-" + column("provider_reference"))
                .exchange()
                .expectStatus()
                .isNotFound();
        anonymous
                .post()
                .uri("/api/payments/sandbox/pay/card-pi_sbx_unknown/approve")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    /** Charges the card through the saga's command and answers the path of the page it is sent to. */
    private String chargeWaitingForTheCardholder(String card) {
        commands.take(List.of(SagaCommand.of(new ChargeRequest(
                        UUID.randomUUID(),
                        orderId,
                        UUID.randomUUID().toString(),
                        new Money(5_600, "CNY"),
                        card,
                        null))))
                .block();
        await().atMost(Duration.ofSeconds(20)).until(() -> column("action_value") != null);
        assertThat(column("status")).isEqualTo("PROCESSING");
        assertThat(column("action_kind")).isEqualTo("REDIRECT");
        URI action = URI.create(column("action_value"));
        assertThat(action.getPath()).isEqualTo("/api/payments/sandbox/pay/card-" + column("provider_reference"));
        return action.getPath();
    }

    private String column(String expression) {
        return database.sql("SELECT " + expression + "::text FROM payment WHERE order_id = :order")
                .bind("order", orderId)
                .map(row -> Optional.ofNullable(row.get(0, String.class)))
                .one()
                .blockOptional()
                .flatMap(value -> value)
                .orElse(null);
    }
}
