package bookstore.catalog;

import static bookstore.catalog.BookJson.book;
import static org.assertj.core.api.Assertions.assertThat;

import bookstore.testsupport.openapi.ApiFuzzContract;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every operation of the catalogue's OpenAPI document, fuzzed with malformed and boundary values as nobody, a customer
 * and an admin: no 5xx, and every 4xx the shop's problem. A book that exists stands behind every book id, so the
 * damage meets the handlers, not just a 404.
 */
@CatalogueIntegrationTest
class ApiFuzzIntegrationTests {

    @Autowired
    WebTestClient http;

    @Test
    void noInputGetsAServerErrorAndEveryRefusalIsAProblem() {
        String isbn = TestIsbns.next();
        String bookId = new CatalogueApi(http).add(book(isbn, "Fuzzed 书", "An Author", "en"));

        ApiFuzzContract.Summary fuzzed = ApiFuzzContract.of("catalog-service")
                .callersWithMockedTokens(http)
                .knowing("id", bookId)
                .knowing("bookId", bookId)
                .knowing("isbn", isbn)
                .knowing("language", "en")
                .knowing("currency", "CNY")
                .knowing("publicationDate", "2008-01")
                .knowing("coverImage", "https://example.com/cover.jpg")
                .triesPerOperation(40)
                .run();

        assertThat(fuzzed.operations()).isEqualTo(21);
    }
}
