package bookstore.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import bookstore.platform.paging.PageWindow;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;

@WebFluxTest
@ExtendWith(OutputCaptureExtension.class)
class ProblemDetailsWebFluxTests {

    @Autowired
    WebTestClient http;

    @Test
    void invalidFieldsAreListedInAValidationProblem() {
        http.post()
                .uri("/widgets")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/validation")
                .jsonPath("$.title")
                .isEqualTo("Invalid request")
                .jsonPath("$.errors[0].field")
                .isEqualTo("name");
    }

    @Test
    void bodyFieldsAreNamedWhenParametersAreValidatedToo() {
        http.post()
                .uri("/shelves/3/widgets")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("name");
    }

    @Test
    void unknownFieldIsRefusedWithoutLeakingClassNames() {
        http.post()
                .uri("/widgets")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"x\",\"role\":\"ADMIN\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/malformed-request")
                .jsonPath("$.detail")
                .isEqualTo("Unknown field 'role'.");
    }

    @Test
    void brokenJsonIsAMalformedRequest() {
        http.post()
                .uri("/widgets")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/malformed-request");
    }

    @Test
    void invalidParameterIsAValidationProblem() {
        http.get()
                .uri("/widgets?size=1000")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("size");
    }

    @Test
    void aPageBeyondTheResultWindowIsAValidationProblemNamingTheLastPage() {
        http.get()
                .uri("/widgets/paged?page=500&size=20")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/validation")
                .jsonPath("$.title")
                .isEqualTo("Invalid request")
                .jsonPath("$.errors[0].field")
                .isEqualTo("page")
                .jsonPath("$.errors[0].message")
                .isEqualTo("must be at most 499 with size 20: a listing shows its first 10000 items");
    }

    @Test
    void aPageWhoseOffsetWouldOverflowAnIntIsRefusedByItsBound() {
        http.get()
                .uri("/widgets/paged?page=2147483647&size=20")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("page");
    }

    @Test
    void theLastPageOfTheResultWindowIsAnswered() {
        http.get()
                .uri("/widgets/paged?page=499&size=20")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo("page 499");
    }

    @Test
    void unexpectedFailureIsLoggedAsAnError(CapturedOutput output) {
        http.get().uri("/widgets/broken").exchange().expectStatus().is5xxServerError();

        assertThat(output).contains("Unexpected error while handling a request");
    }

    @Test
    void aClientThatHungUpIsNoError(CapturedOutput output) {
        http.get().uri("/widgets/abandoned").exchange();

        assertThat(output).doesNotContain("Unexpected error while handling a request");
    }

    @Test
    void unexpectedFailureIsAPlain500WithoutDetails() {
        http.get()
                .uri("/widgets/broken")
                .exchange()
                .expectStatus()
                .is5xxServerError()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/internal-error")
                .jsonPath("$.detail")
                .value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .doesNotContain("secret-internal-state"))
                .jsonPath("$.trace")
                .doesNotExist();
    }

    @Test
    void aFailureOfTheDatabaseIsA503ToRetryLater() {
        http.get()
                .uri("/widgets/unreachable")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals("Retry-After", "5")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/service-unavailable")
                .jsonPath("$.detail")
                .value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .doesNotContain("db.internal"));
    }

    @Test
    void unknownPathIsANotFoundProblem() {
        http.get()
                .uri("/nothing-here")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/not-found");
    }

    @Test
    void wrongMethodIsAMethodNotAllowedProblem() {
        http.delete()
                .uri("/widgets")
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/method-not-allowed");
    }

    record Widget(@NotBlank String name) {}

    @RestController
    static class WidgetController {

        @PostMapping("/widgets")
        Mono<Widget> create(@Valid @RequestBody Widget widget) {
            return Mono.just(widget);
        }

        @GetMapping("/widgets")
        Mono<String> list(@RequestParam @Max(100) int size) {
            return Mono.just("ok");
        }

        @GetMapping("/widgets/paged")
        Mono<String> paged(
                @RequestParam @Min(0) @Max(PageWindow.MAX_PAGE) int page, @RequestParam @Min(1) @Max(100) int size) {
            PageWindow.check(page, size);
            return Mono.just("page " + page);
        }

        @PostMapping("/shelves/{shelf}/widgets")
        Mono<Widget> shelve(@PathVariable @Max(100) int shelf, @Valid @RequestBody Widget widget) {
            return Mono.just(widget);
        }

        @GetMapping("/widgets/abandoned")
        Mono<String> abandoned() {
            return Mono.error(new AbortedException("Connection has been closed BEFORE response"));
        }

        @GetMapping("/widgets/broken")
        Mono<String> broken() {
            return Mono.error(new IllegalStateException("secret-internal-state"));
        }

        @GetMapping("/widgets/unreachable")
        Mono<String> unreachable() {
            return Mono.error(new DataAccessResourceFailureException(
                    "Failed to obtain R2DBC Connection",
                    new R2dbcNonTransientResourceException("Connection refused: db.internal:5432")));
        }
    }

    @SpringBootConfiguration
    @Import(WidgetController.class)
    static class WidgetApplication {}
}
