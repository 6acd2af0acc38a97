package bookstore.catalog;

import static bookstore.catalog.BookJson.book;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every paged listing of the catalogue stops at the platform's result window (its first 10,000 items): a page beyond
 * it, however large, is a 400 validation problem naming {@code page}, and the last page within it is answered.
 */
@CatalogueIntegrationTest
class PageWindowIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    MeterRegistry metrics;

    CatalogueApi api;

    @BeforeEach
    void api() {
        api = new CatalogueApi(http);
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=2147483647&size=20", "page=107374182&size=20", "page=500&size=20", "page=100"})
    void aSearchBeyondTheWindowIsRefusedBeforeTheIndexIsAsked(String paging) {
        double searches = searches();

        refused(api.anonymous(), "/api/books?q=window&" + paging + (paging.contains("size") ? "" : "&size=100"));

        assertThat(searches()).isEqualTo(searches);
    }

    @Test
    void theLastPageOfASearchIsAnswered() {
        assertThat(api.search(uri -> uri.queryParam("page", 499).queryParam("size", 20)))
                .containsEntry("page", 499)
                .containsEntry("size", 20);
        assertThat(api.search(uri -> uri.queryParam("page", 9_999).queryParam("size", 1)))
                .containsEntry("page", 9_999);
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=2147483647&size=20", "page=500&size=20", "page=100&size=100", "page=10000&size=1"})
    void theCatalogueListingBeyondTheWindowIsRefused(String paging) {
        refused(api.admin(), "/api/books/catalogue?" + paging);
    }

    @Test
    void theLastPageOfTheCatalogueListingIsAnswered() {
        assertThat(answered(api.admin(), "/api/books/catalogue?page=99&size=100"))
                .containsEntry("page", 99)
                .containsEntry("size", 100);
    }

    @Test
    void aBooksReviewsArePagedWithinTheWindow() {
        String bookId = api.add(book(TestIsbns.next(), "Paged Reviews", "An Author", "en"));

        for (String paging : new String[] {"page=2147483647&size=20", "page=1000&size=10", "page=100&size=100"}) {
            refused(api.anonymous(), "/api/books/" + bookId + "/reviews?" + paging);
        }
        // Ten to a page by default: the last page is 999.
        assertThat(answered(api.anonymous(), "/api/books/" + bookId + "/reviews?page=999"))
                .containsEntry("page", 999)
                .containsEntry("size", 10);
    }

    private static void refused(WebTestClient client, String uri) {
        client.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/validation")
                .jsonPath("$.errors.length()")
                .isEqualTo(1)
                .jsonPath("$.errors[0].field")
                .isEqualTo("page")
                .jsonPath("$.errors[0].message")
                .value(message -> assertThat((String) message).contains("10000"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> answered(WebTestClient client, String uri) {
        return client.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    private double searches() {
        return metrics.get("bookstore.catalog.search")
                .tag("operation", "search")
                .timer()
                .count();
    }
}
