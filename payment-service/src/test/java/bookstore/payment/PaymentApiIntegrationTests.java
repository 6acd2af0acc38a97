package bookstore.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import bookstore.payment.payments.application.ChargeRequest;
import bookstore.payment.payments.application.RefundAmountRequest;
import bookstore.payment.payments.application.SagaCommand;
import bookstore.payment.payments.application.TakingSagaCommands;
import bookstore.payment.payments.domain.Money;
import bookstore.testsupport.paging.PageWindowContract;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Reading payments: owners see theirs, admins see all, nobody sees anyone else's or any secret. */
@PaymentServiceIntegrationTest
class PaymentApiIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    TakingSagaCommands commands;

    @Autowired
    DatabaseClient database;

    static final String ADMIN = UUID.randomUUID().toString();

    WebTestClient http;
    String customer;
    String orderId;
    String paymentId;

    @BeforeEach
    void customerHasPaidForAnOrder() {
        http = WebTestClient.bindToApplicationContext(context)
                .apply(springSecurity())
                .configureClient()
                .build();
        customer = UUID.randomUUID().toString();
        orderId = "order-" + UUID.randomUUID();
        commands.take(List.of(SagaCommand.of(new ChargeRequest(
                        UUID.randomUUID(), orderId, customer, new Money(5_600, "CNY"), "pm_card_visa", null))))
                .block();
        await().atMost(Duration.ofSeconds(20)).until(() -> "SUCCEEDED".equals(column("status")));
        paymentId = column("id::text");
    }

    @Test
    void ownerSeesTheirPaymentWithoutAnySecret() {
        http.mutateWith(mockJwt().jwt(jwt -> jwt.subject(customer)).authorities(role("CUSTOMER")))
                .get()
                .uri("/api/payments/{id}", paymentId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(paymentId)
                .jsonPath("$.orderId")
                .isEqualTo(orderId)
                .jsonPath("$.status")
                .isEqualTo("SUCCEEDED")
                .jsonPath("$.amount.amount")
                .isEqualTo(5_600)
                .jsonPath("$.amount.currency")
                .isEqualTo("CNY")
                .jsonPath("$.amount.positive")
                .doesNotExist()
                .jsonPath("$.refunded.amount")
                .isEqualTo(0)
                .jsonPath("$.provider")
                .isEqualTo("sandbox")
                .consumeWith(response -> assertThat(new String(response.getResponseBody()))
                        .doesNotContainIgnoringCase("secret")
                        .doesNotContain("whsec_")
                        .doesNotContain("sk_"));
    }

    @Test
    void anotherCustomersPaymentDoesNotExistForThem() {
        http.mutateWith(mockJwt()
                        .jwt(jwt -> jwt.subject(UUID.randomUUID().toString()))
                        .authorities(role("CUSTOMER")))
                .get()
                .uri("/api/payments/{id}", paymentId)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/payment-not-found");

        http.mutateWith(mockJwt()
                        .jwt(jwt -> jwt.subject(UUID.randomUUID().toString()))
                        .authorities(role("CUSTOMER")))
                .get()
                .uri("/api/payments?orderId={order}", orderId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items")
                .isEmpty()
                .jsonPath("$.total")
                .isEqualTo(0);
    }

    @Test
    void ownerFindsThePaymentOfAnOrderInAPage() {
        http.mutateWith(mockJwt().jwt(jwt -> jwt.subject(customer)).authorities(role("CUSTOMER")))
                .get()
                .uri("/api/payments?orderId={order}", orderId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].id")
                .isEqualTo(paymentId)
                .jsonPath("$.page")
                .isEqualTo(0)
                .jsonPath("$.size")
                .isEqualTo(20)
                .jsonPath("$.total")
                .isEqualTo(1);
    }

    @Test
    void adminSeesEveryonesPayments() {
        http.mutateWith(mockJwt().jwt(jwt -> jwt.subject(ADMIN)).authorities(role("ADMIN")))
                .get()
                .uri("/api/payments/{id}", paymentId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.customerId")
                .isEqualTo(customer);

        http.mutateWith(mockJwt().jwt(jwt -> jwt.subject(ADMIN)).authorities(role("ADMIN")))
                .get()
                .uri("/api/payments?size=100")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .value(total -> assertThat(((Number) total).longValue()).isPositive());
    }

    @Test
    void paymentShowsItsPartialRefundsAndWhatWasGivenBack() {
        commands.take(List.of(
                        SagaCommand.of(new RefundAmountRequest(
                                UUID.randomUUID(), orderId, "return-1", 1_600, "CNY", "<b>damaged</b> & \"torn\"")),
                        SagaCommand.of(new RefundAmountRequest(
                                UUID.randomUUID(), orderId, "return-2", 9_000, "CNY", "returned"))))
                .block();
        await().atMost(Duration.ofSeconds(20)).until(() -> "1600".equals(column("refunded_amount::text")));

        http.mutateWith(mockJwt().jwt(jwt -> jwt.subject(customer)).authorities(role("CUSTOMER")))
                .get()
                .uri("/api/payments?orderId={order}", orderId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].status")
                .isEqualTo("SUCCEEDED")
                .jsonPath("$.items[0].refunded.amount")
                .isEqualTo(1_600)
                .jsonPath("$.items[0].refundPending")
                .isEqualTo(false)
                // Refused at once, the second one was never a refund of this payment.
                .jsonPath("$.items[0].refunds.length()")
                .isEqualTo(1)
                .jsonPath("$.items[0].refunds[0].refundId")
                .isEqualTo("return-1")
                .jsonPath("$.items[0].refunds[0].amount.amount")
                .isEqualTo(1_600)
                .jsonPath("$.items[0].refunds[0].status")
                .isEqualTo("SUCCEEDED")
                // The reason is text, returned as it was given.
                .jsonPath("$.items[0].refunds[0].reason")
                .isEqualTo("<b>damaged</b> & \"torn\"")
                .jsonPath("$.items[0].refunds[0].id")
                .isNotEmpty()
                .jsonPath("$.items[0].refunds[0].requestedAt")
                .isNotEmpty()
                .jsonPath("$.items[0].refunds[0].updatedAt")
                .isNotEmpty();

        http.mutateWith(mockJwt().jwt(jwt -> jwt.subject(ADMIN)).authorities(role("ADMIN")))
                .get()
                .uri("/api/payments/{id}", paymentId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.refunds[0].refundId")
                .isEqualTo("return-1")
                .jsonPath("$.refunded.amount")
                .isEqualTo(1_600);
    }

    @Test
    void pagesAreCappedAtAHundred() {
        http.mutateWith(mockJwt().jwt(jwt -> jwt.subject(customer)).authorities(role("CUSTOMER")))
                .get()
                .uri("/api/payments?size=101")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/validation");
    }

    @Test
    void pagesGoNoDeeperThanTheFirst10000Payments() {
        WebTestClient admin =
                http.mutateWith(mockJwt().jwt(jwt -> jwt.subject(ADMIN)).authorities(role("ADMIN")));

        PageWindowContract.refusesPagesBeyondTheWindow(admin, "/api/payments");
        PageWindowContract.answersTheLastPage(admin, "/api/payments")
                .jsonPath("$.items")
                .isEmpty();
    }

    @Test
    void paymentsNeedASignedInCustomerOrAdmin() {
        http.get()
                .uri("/api/payments/{id}", paymentId)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);

        http.get().uri("/api/payments").exchange().expectStatus().isUnauthorized();

        http.mutateWith(mockJwt().jwt(jwt -> jwt.subject(customer)).authorities(role("SUPPLIER")))
                .get()
                .uri("/api/payments/{id}", paymentId)
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    private static SimpleGrantedAuthority role(String role) {
        return new SimpleGrantedAuthority("ROLE_" + role);
    }

    private String column(String expression) {
        return database.sql("SELECT " + expression + " FROM payment WHERE order_id = :order")
                .bind("order", orderId)
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }
}
