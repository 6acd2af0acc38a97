package bookstore.catalog;

import static bookstore.catalog.BookJson.book;
import static org.assertj.core.api.Assertions.assertThat;

import bookstore.testsupport.paging.PageWindowContract;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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

    @Test
    void aSearchBeyondTheWindowIsRefusedBeforeTheIndexIsAsked() {
        double searches = searches();

        PageWindowContract.refusesPagesBeyondTheWindow(api.anonymous(), "/api/books?q=window");

        assertThat(searches()).isEqualTo(searches);
        PageWindowContract.answersTheLastPage(api.anonymous(), "/api/books?q=window");
        assertThat(api.search(uri -> uri.queryParam("page", 9_999).queryParam("size", 1)))
                .containsEntry("page", 9_999);
    }

    @Test
    void theCatalogueListingIsPagedWithinTheWindow() {
        PageWindowContract.refusesPagesBeyondTheWindow(api.admin(), "/api/books/catalogue");
        PageWindowContract.answersTheLastPage(api.admin(), "/api/books/catalogue");
    }

    @Test
    void aBooksReviewsArePagedWithinTheWindow() {
        String reviews =
                "/api/books/" + api.add(book(TestIsbns.next(), "Paged Reviews", "An Author", "en")) + "/reviews";

        PageWindowContract.refusesPagesBeyondTheWindow(api.anonymous(), reviews);
        PageWindowContract.answersTheLastPage(api.anonymous(), reviews);
    }

    private double searches() {
        return metrics.get("bookstore.catalog.search")
                .tag("operation", "search")
                .timer()
                .count();
    }
}
