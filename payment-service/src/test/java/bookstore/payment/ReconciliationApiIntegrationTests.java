package bookstore.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The reconciliation's admin API: admins list and run days, customers are refused, bad input changes nothing. */
@PaymentServiceIntegrationTest
class ReconciliationApiIntegrationTests {

    static final String PROBLEMS = "https://bookstore.example/problems/";

    @Autowired
    ApplicationContext context;

    @Autowired
    DatabaseClient database;

    WebTestClient http;
    LocalDate day;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToApplicationContext(context)
                .apply(springSecurity())
                .configureClient()
                .build();
        day = LocalDate.of(2000, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(7_000));
    }

    @Test
    void anAdminRunsADayAndFindsTheRunListedNewestFirst() {
        Map<String, Object> first = created("{\"day\":\"" + day + "\"}");
        assertThat(first)
                .containsEntry("day", day.toString())
                .containsEntry("provider", "all")
                .containsEntry("trigger", "admin")
                .containsEntry("checked", 0)
                .containsEntry("couldNotCheck", 0)
                .containsEntry("mismatches", List.of());
        assertThat(first.get("finishedAt")).isNotNull();
        Map<String, Object> second = created("{\"day\":\"" + day + "\",\"provider\":\"sandbox\"}");
        assertThat(second).containsEntry("provider", "sandbox");

        asAdmin()
                .get()
                .uri("/api/payments/reconciliation?from={from}&to={to}", day.minusDays(1), day.plusDays(1))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.from")
                .isEqualTo(day.minusDays(1).toString())
                .jsonPath("$.to")
                .isEqualTo(day.plusDays(1).toString())
                .jsonPath("$.items.length()")
                .isEqualTo(2)
                .jsonPath("$.items[0].id")
                .isEqualTo(second.get("id"))
                .jsonPath("$.items[1].id")
                .isEqualTo(first.get("id"))
                .jsonPath("$.items[1].mismatches")
                .isArray();
    }

    @Test
    void customersAreRefusedAndNothingIsRun() {
        asCustomer()
                .get()
                .uri("/api/payments/reconciliation")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo(PROBLEMS + "forbidden");
        asCustomer()
                .post()
                .uri("/api/payments/reconciliation/runs")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"day\":\"" + day + "\"}")
                .exchange()
                .expectStatus()
                .isForbidden();
        http.get().uri("/api/payments/reconciliation").exchange().expectStatus().isUnauthorized();

        assertThat(runsOf(day)).isZero();
    }

    @Test
    void badInputIsAProblemAndRunsNothing() {
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
        badRun("{\"day\":\"" + tomorrow + "\"}", "invalid-reconciliation-run");
        badRun("{\"day\":\"" + day + "\",\"provider\":\"paypal\"}", "invalid-reconciliation-run");
        badRun("{\"day\":\"2024-13-45\"}", null);
        badRun("{}", null);
        assertThat(runsOf(tomorrow)).isZero();
        assertThat(runsOf(day)).isZero();

        badListing("/api/payments/reconciliation?from=2024-01-01&to=2024-06-30", "invalid-reconciliation-period");
        badListing("/api/payments/reconciliation?from=2024-02-01&to=2024-01-01", "invalid-reconciliation-period");
        badListing("/api/payments/reconciliation?from=yesterday", null);
        // 93 days, both ends included, is the longest listing.
        asAdmin()
                .get()
                .uri("/api/payments/reconciliation?from=2024-01-01&to=2024-04-02")
                .exchange()
                .expectStatus()
                .isOk();
    }

    private void badRun(String body, String kind) {
        isAProblem(
                asAdmin()
                        .post()
                        .uri("/api/payments/reconciliation/runs")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchange(),
                kind);
    }

    private void badListing(String uri, String kind) {
        isAProblem(asAdmin().get().uri(uri).exchange(), kind);
    }

    /** A 400 problem, of the kind given or (null) of any of the shop's kinds. */
    private static void isAProblem(WebTestClient.ResponseSpec response, String kind) {
        var problem = response.expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody();
        if (kind != null) {
            problem.jsonPath("$.type").isEqualTo(PROBLEMS + kind);
        } else {
            problem.jsonPath("$.type").value(type -> assertThat((String) type).startsWith(PROBLEMS));
        }
    }

    /** Runs a day as an admin; the run it answers with. */
    private Map<String, Object> created(String body) {
        return asAdmin()
                .post()
                .uri("/api/payments/reconciliation/runs")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Location", "/api/payments/reconciliation?from=" + day + "&to=" + day)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    private long runsOf(LocalDate of) {
        return database.sql("SELECT count(*) FROM reconciliation_run WHERE day = :day")
                .bind("day", of)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    private WebTestClient asAdmin() {
        return http.mutateWith(mockJwt()
                .jwt(jwt -> jwt.subject(UUID.randomUUID().toString()))
                .authorities(new SimpleGrantedAuthority("ROLE_ADMIN")));
    }

    private WebTestClient asCustomer() {
        return http.mutateWith(mockJwt()
                .jwt(jwt -> jwt.subject(UUID.randomUUID().toString()))
                .authorities(new SimpleGrantedAuthority("ROLE_CUSTOMER")));
    }
}
