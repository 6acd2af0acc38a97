package bookstore.catalog.review.web;

import static bookstore.catalog.BookJson.book;
import static bookstore.catalog.review.web.ReviewApi.items;
import static bookstore.catalog.review.web.ReviewApi.list;
import static bookstore.catalog.review.web.ReviewApi.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import bookstore.catalog.CatalogueApi;
import bookstore.catalog.CatalogueIntegrationTest;
import bookstore.catalog.TestIsbns;
import bookstore.catalog.review.web.ReviewApi.Customer;
import bookstore.events.Topics;
import bookstore.events.analytics.RecommendationsComputed;
import bookstore.events.analytics.RecommendationsComputed.RecommendedBook;
import bookstore.events.user.AccountClosed;
import bookstore.platform.privacy.CustomerPseudonym;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A reader closes their account: user-service's AccountClosed reaches the catalogue over a real broker, and their
 * reviews keep only the stars (still in the book's rating), nothing in the API or the collections links anything to
 * their pseudonym any more, other readers are untouched and a replay changes nothing.
 */
@CatalogueIntegrationTest
class ClosedAccountIntegrationTests {

    private static final String GROUP = "catalog-service.closed-accounts";
    private static final String TEXT = "我叫王小明，住在杭州，这本书陪我度过了高三";

    @Autowired
    WebTestClient http;

    @Autowired
    CustomerPseudonym pseudonym;

    @Autowired
    ReactiveMongoTemplate mongo;

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
    void aClosedAccountsReviewsKeepTheirStarsWithoutTextOrAuthorAndItsPurchasesAndPicksGo() throws Exception {
        String bookId = addBook("Read Before Closing");
        String otherBook = addBook("Also Read Before Closing");
        Customer closing = api.verified(api.customer(), bookId, otherBook);
        Customer staying = api.verified(api.customer(), bookId);
        String closingReview = (String) write(closing, bookId, 5, TEXT).get("id");
        write(closing, otherBook, 4, TEXT);
        String stayingReview =
                (String) write(staying, bookId, 3, "Kept as written").get("id");
        closing.http()
                .post()
                .uri("/api/books/{id}/reviews/{reviewId}/helpful", bookId, stayingReview)
                .exchange()
                .expectStatus()
                .isOk();
        String closingReader = pseudonym.of(closing.id().toString());
        String stayingReader = pseudonym.of(staying.id().toString());
        api.orders().send(Topics.RECOMMENDATIONS, picks(closingReader, otherBook));
        RecordMetadata lastPicks = api.orders().send(Topics.RECOMMENDATIONS, picks(stayingReader, otherBook));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api.orders().handled("catalog-service.recommendations", lastPicks)
                        && count("recommendations", query(where("_id").is("customer:" + closingReader))) == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> rating(bookId).equals(Map.of("average", 4.0, "count", 2)));

        AccountClosed closed = new AccountClosed(
                UUID.randomUUID(), Instant.now(), closing.id().toString(), AccountClosed.ClosedBy.CUSTOMER);
        RecordMetadata sent = api.orders().send(Topics.USER_EVENTS, closed);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.orders().handled(GROUP, sent));

        List<Map<String, Object>> reviews = items(list(closing.http(), bookId, ""));
        Map<String, Object> erased = byId(reviews, closingReview);
        assertThat(erased)
                .containsEntry("rating", 5)
                .containsEntry("text", null)
                .containsEntry("mine", false);
        @SuppressWarnings("unchecked")
        Map<String, Object> author = (Map<String, Object>) erased.get("author");
        assertThat(author)
                .containsEntry("name", null)
                .containsEntry("verifiedBuyer", true)
                .containsEntry("accountClosed", true);
        Map<String, Object> kept = byId(reviews, stayingReview);
        assertThat(kept).containsEntry("text", "Kept as written").containsEntry("helpfulCount", 1);
        assertThat(rating(bookId)).isEqualTo(Map.of("average", 4.0, "count", 2));

        assertThat(count("reviews", query(where("author").is(closingReader)))).isZero();
        assertThat(count("reviews", query(where("helpfulVoters").is(closingReader))))
                .isZero();
        assertThat(count("reviews", query(where("text").is(TEXT)))).isZero();
        assertThat(count("verified_purchases", query(where("customer").is(closingReader))))
                .isZero();
        assertThat(count("recommendations", query(where("_id").is("customer:" + closingReader))))
                .isZero();
        assertThat(count("reviews", query(where("author").is(stayingReader)))).isEqualTo(1);
        assertThat(count("verified_purchases", query(where("customer").is(stayingReader))))
                .isEqualTo(1);
        assertThat(count("recommendations", query(where("_id").is("customer:" + stayingReader))))
                .isEqualTo(1);
        closing.http()
                .get()
                .uri("/api/books/{id}/reviews/mine", otherBook)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.verifiedBuyer")
                .isEqualTo(false)
                .jsonPath("$.review")
                .doesNotExist();

        List<Document> before = reviewsOf(bookId, otherBook);
        RecordMetadata replayed = api.orders().send(Topics.USER_EVENTS, closed);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.orders().handled(GROUP, replayed));
        assertThat(reviewsOf(bookId, otherBook)).isEqualTo(before);
    }

    private static Map<String, Object> byId(List<Map<String, Object>> reviews, String id) {
        return reviews.stream()
                .filter(review -> id.equals(review.get("id")))
                .findFirst()
                .orElseThrow();
    }

    private static RecommendationsComputed picks(String reader, String bookId) {
        return new RecommendationsComputed(
                UUID.randomUUID(),
                Instant.now(),
                "customer:" + reader,
                "PERSONAL",
                List.of(new RecommendedBook(bookId, 1.0, 1)),
                List.of());
    }

    private long count(String collection, Query query) {
        return mongo.count(query, collection).block(Duration.ofSeconds(10));
    }

    private List<Document> reviewsOf(String... bookIds) {
        return mongo.find(query(where("bookId").in((Object[]) bookIds)), Document.class, "reviews")
                .collectList()
                .block(Duration.ofSeconds(10));
    }

    private String addBook(String title) {
        return catalogue.add(book(TestIsbns.next(), title + " " + System.nanoTime(), "A Reviewer", "en"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> rating(String bookId) {
        return (Map<String, Object>) catalogue.book(bookId).get("rating");
    }
}
