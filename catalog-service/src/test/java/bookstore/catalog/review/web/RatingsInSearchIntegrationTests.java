package bookstore.catalog.review.web;

import static bookstore.catalog.BookJson.book;
import static bookstore.catalog.BookJson.with;
import static bookstore.catalog.review.web.ReviewApi.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.catalog.CatalogueApi;
import bookstore.catalog.CatalogueIntegrationTest;
import bookstore.catalog.TestIsbns;
import bookstore.catalog.book.application.Books;
import bookstore.catalog.book.domain.BookId;
import bookstore.catalog.book.domain.Rating;
import bookstore.catalog.review.web.ReviewApi.Customer;
import bookstore.platform.privacy.CustomerPseudonym;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Readers' ratings on the book, in search results, as a sort and as a filter. */
@CatalogueIntegrationTest
class RatingsInSearchIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    CustomerPseudonym pseudonym;

    @Autowired
    Books books;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    CatalogueApi catalogue;
    ReviewApi api;

    @BeforeEach
    void connect() {
        catalogue = new CatalogueApi(http);
        api = new ReviewApi(http, pseudonym, bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        api.close();
    }

    @Test
    void searchShowsSortsAndFiltersByTheRatingAsSoonAsAReviewIsWritten() throws Exception {
        String shelf = "Rated " + System.nanoTime();
        String good = add("Good", shelf);
        String best = add("Best", shelf);
        String unrated = add("Unrated", shelf);
        Customer first = api.verified(api.customer(), good, best);
        Customer second = api.verified(api.customer(), good, best);

        write(first, good, 4, "Solid");
        write(second, good, 3, null);
        write(first, best, 5, "Best of the year");

        assertThat(items(catalogue.search(
                        uri -> uri.queryParam("category", shelf).queryParam("sort", "rating"))))
                .extracting(hit -> hit.get("id"), hit -> hit.get("rating"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(best, Map.of("average", 5.0, "count", 1)),
                        org.assertj.core.groups.Tuple.tuple(good, Map.of("average", 3.5, "count", 2)),
                        org.assertj.core.groups.Tuple.tuple(unrated, ratingOfNone()));
        assertThat(CatalogueApi.ids(catalogue.search(
                        uri -> uri.queryParam("category", shelf).queryParam("minRating", "3.5"))))
                .containsExactlyInAnyOrder(best, good);
        assertThat(CatalogueApi.ids(catalogue.search(
                        uri -> uri.queryParam("category", shelf).queryParam("minRating", "4"))))
                .containsExactly(best);
        assertThat(catalogue.book(good).get("rating")).isEqualTo(Map.of("average", 3.5, "count", 2));
    }

    @Test
    void aRatingAnotherReplicaStoredReachesThisReplicasSearchIndex() {
        String shelf = "Elsewhere " + System.nanoTime();
        String bookId = add("Rated Elsewhere", shelf);
        BookId id = BookId.parse(bookId);

        // What another replica's review request leaves in MongoDB, with no listener of this replica told.
        long revision = books.nextRatingRevision(id).block(Duration.ofSeconds(10));
        assertThat(books.storeRating(id, new Rating(3, 12, revision), Instant.now())
                        .block(Duration.ofSeconds(10)))
                .isTrue();
        // An older tally stored late changes nothing.
        assertThat(books.storeRating(id, new Rating(1, 1, revision - 1), Instant.now())
                        .block(Duration.ofSeconds(10)))
                .isFalse();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(items(catalogue.search(uri -> uri.queryParam("category", shelf))))
                        .singleElement()
                        .satisfies(hit -> assertThat(hit.get("rating")).isEqualTo(Map.of("average", 4.0, "count", 3))));
    }

    @Test
    void badRatingFiltersAndSortsAreRefused() {
        for (String minRating : List.of("0", "5.5", "4.25", "many")) {
            catalogue
                    .anonymous()
                    .get()
                    .uri(uri -> uri.path("/api/books")
                            .queryParam("minRating", minRating)
                            .build())
                    .exchange()
                    .expectStatus()
                    .isBadRequest();
        }
    }

    private String add(String title, String shelf) {
        return catalogue.add(with(
                book(TestIsbns.next(), title + " " + System.nanoTime(), "A Rater", "en"),
                "categories",
                List.of(shelf)));
    }

    private static Map<String, Object> ratingOfNone() {
        Map<String, Object> none = new java.util.HashMap<>();
        none.put("average", null);
        none.put("count", 0);
        return none;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }
}
