package bookstore.platform.security;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A service that declares no {@link AccessRules} of its own still starts, and its API is closed to
 * anonymous callers. Also shows how a service's slice tests act as a user: {@code mockJwt()}.
 */
@WebFluxTest
class DefaultAccessWebFluxTests {

    @Autowired
    WebTestClient http;

    @Test
    void apiNeedsAnAuthenticatedCallerByDefault() {
        http.get().uri("/api/notes").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void authenticatedCallerReachesTheApiAndIsKnownByItsSubject() {
        UUID user = UUID.randomUUID();

        http.mutateWith(mockJwt()
                        .jwt(jwt -> jwt.subject(user.toString()))
                        .authorities(new SimpleGrantedAuthority("ROLE_CUSTOMER")))
                .get()
                .uri("/api/notes")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo(user.toString());
    }

    @Test
    void writesNeedNoCsrfTokenBecauseNothingRidesOnCookies() {
        http.mutateWith(mockJwt().jwt(jwt -> jwt.subject(UUID.randomUUID().toString())))
                .post()
                .uri("/api/notes")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void callerWhoseSubjectIsNotAUserIdIsUnauthorized() {
        http.mutateWith(mockJwt().jwt(jwt -> jwt.subject("not-a-user-id")))
                .get()
                .uri("/api/notes")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void aPathTheFirewallRefusesIsAProblemNotAnEmptyAnswer() {
        for (String path : new String[] {"/api//notes", "/api/notes/%00", "/api/%2e%2e/notes"}) {
            http.mutateWith(mockJwt().jwt(jwt -> jwt.subject(UUID.randomUUID().toString())))
                    .get()
                    .uri(URI.create(path))
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://bookstore.example/problems/malformed-request")
                    .jsonPath("$.status")
                    .isEqualTo(400);
        }
    }

    @RestController
    static class NotesController {

        @GetMapping("/api/notes")
        Mono<String> whoAmI() {
            return CurrentUser.id().map(UUID::toString);
        }

        @PostMapping("/api/notes")
        Mono<String> add() {
            return Mono.just("added");
        }
    }

    @SpringBootConfiguration
    @Import(NotesController.class)
    static class NotesApplication {}
}
