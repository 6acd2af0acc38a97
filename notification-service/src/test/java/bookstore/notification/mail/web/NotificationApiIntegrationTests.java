package bookstore.notification.mail.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import bookstore.events.Topics;
import bookstore.notification.AccountMails;
import bookstore.notification.EventSender;
import bookstore.notification.FailedMails;
import bookstore.notification.Mailbox;
import bookstore.notification.NotificationServiceTest;
import bookstore.platform.messaging.EventCodec;
import bookstore.testsupport.paging.PageWindowContract;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The record of mails, for admins only, over HTTP. */
@NotificationServiceTest
class NotificationApiIntegrationTests {

    @Autowired
    WebTestClient anonymous;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    EventCodec codec;

    @Autowired
    Mailbox mailbox;

    @Autowired
    DatabaseClient database;

    WebTestClient admin;
    WebTestClient customer;

    @BeforeEach
    void signIn() {
        admin = anonymous.mutateWith(mockJwt()
                .jwt(jwt -> jwt.subject(UUID.randomUUID().toString()))
                .authorities(new SimpleGrantedAuthority("ROLE_ADMIN")));
        customer = anonymous.mutateWith(mockJwt()
                .jwt(jwt -> jwt.subject(UUID.randomUUID().toString()))
                .authorities(new SimpleGrantedAuthority("ROLE_CUSTOMER")));
    }

    @Test
    void adminsListTheMailsSentToAnAddressWithoutTheirBodies() {
        String email = AccountMails.address();
        new EventSender(kafka, codec).send(Topics.ACCOUNT_MAIL, AccountMails.verification(email, "Ann", "en", true));
        mailbox.awaitOne(email);

        await().untilAsserted(() -> admin.get()
                .uri(uri -> uri.path("/api/notifications")
                        .queryParam("recipient", email)
                        .queryParam("kind", "welcome_verification")
                        .queryParam("status", "SENT")
                        .build())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(1)
                .jsonPath("$.items[0].kind")
                .isEqualTo("WELCOME_VERIFICATION")
                .jsonPath("$.items[0].status")
                .isEqualTo("SENT")
                .jsonPath("$.items[0].recipient")
                .isEqualTo(email)
                .jsonPath("$.items[0].subject")
                .isEqualTo("Welcome to the Bookstore: please confirm your e-mail address")
                .jsonPath("$.items[0].attempts")
                .isEqualTo(0)
                .jsonPath("$.items[0].sentAt")
                .exists()
                .jsonPath("$.items[0].eventId")
                .exists()
                .jsonPath("$.items[0].html")
                .doesNotExist()
                .jsonPath("$.items[0].facts")
                .doesNotExist());

        admin.get()
                .uri(uri -> uri.path("/api/notifications")
                        .queryParam("recipient", email)
                        .queryParam("status", "FAILED")
                        .build())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(0);
    }

    @Test
    void anAdminRetriesAFailedMailAndItIsSent() {
        String email = AccountMails.address();
        long id = FailedMails.recordedFor(database, email);

        admin.post()
                .uri("/api/notifications/{id}/retry", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(id)
                .jsonPath("$.attempts")
                .isEqualTo(0);

        assertThat(mailbox.awaitOne(email).subject()).isEqualTo("Your Bookstore password was changed");
        admin.post()
                .uri("/api/notifications/{id}/retry", id)
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/mail-not-failed");
    }

    @Test
    void retryingAMailNobodyRecordedIsNotFound() {
        admin.post()
                .uri("/api/notifications/{id}/retry", Long.MAX_VALUE)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/mail-not-found");
    }

    @Test
    void onlyAdminsSeeTheRecord() {
        anonymous.get().uri("/api/notifications").exchange().expectStatus().isUnauthorized();
        customer.get().uri("/api/notifications").exchange().expectStatus().isForbidden();
        customer.post()
                .uri("/api/notifications/1/retry")
                .exchange()
                .expectStatus()
                .isForbidden();
        anonymous
                .post()
                .uri("/api/notifications/1/retry")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void refusesBadQueriesWithAProblem() {
        for (String query : new String[] {"kind=POSTCARD", "status=LOST", "page=-1", "size=0", "size=101", "page=x"}) {
            admin.get()
                    .uri("/api/notifications?" + query)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        admin.post()
                .uri("/api/notifications/abc/retry")
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void pagesOnlyThroughTheFirst10000Mails() {
        PageWindowContract.refusesPagesBeyondTheWindow(admin, "/api/notifications");
        PageWindowContract.answersTheLastPage(admin, "/api/notifications");
    }
}
