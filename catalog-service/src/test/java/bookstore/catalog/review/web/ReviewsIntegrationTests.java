package bookstore.catalog.review.web;

import static bookstore.catalog.BookJson.book;
import static bookstore.catalog.review.web.ReviewApi.ids;
import static bookstore.catalog.review.web.ReviewApi.items;
import static bookstore.catalog.review.web.ReviewApi.list;
import static bookstore.catalog.review.web.ReviewApi.review;
import static bookstore.catalog.review.web.ReviewApi.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.catalog.CatalogueApi;
import bookstore.catalog.CatalogueIntegrationTest;
import bookstore.catalog.TestIsbns;
import bookstore.catalog.UpstreamEvents;
import bookstore.catalog.review.web.ReviewApi.Customer;
import bookstore.events.Topics;
import bookstore.events.order.OrderDelivered;
import bookstore.platform.privacy.CustomerPseudonym;
import java.time.Duration;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Verified buyers review books, over HTTP against the running catalogue, made buyers by order-service's deliveries. */
@CatalogueIntegrationTest
class ReviewsIntegrationTests {

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
    UpstreamEvents orders;

    @BeforeEach
    void connect() {
        catalogue = new CatalogueApi(http);
        api = new ReviewApi(http, pseudonym, bootstrapServers);
        orders = api.orders();
    }

    @AfterEach
    void disconnect() {
        api.close();
    }

    @Test
    void aDeliveredOrderMakesItsCustomerAVerifiedBuyerOnceAndAReplayChangesNothing() throws Exception {
        String bookId = addBook("Delivered Once");
        String otherBook = addBook("Also Delivered");
        Customer buyer = api.customer();
        OrderDelivered first = api.delivered(buyer, bookId, otherBook);
        // The same delivery again, and a later order of the same book: the purchase stays as first recorded. A record
        // is waited for on its own partition, so each of them is.
        for (RecordMetadata sent : List.of(
                orders.send(Topics.ORDER_EVENTS, first),
                orders.send(Topics.ORDER_EVENTS, first),
                api.deliver(buyer, bookId))) {
            api.awaitHandled(sent);
        }
        List<Document> purchases = purchasesOf(buyer);
        assertThat(purchases)
                .extracting(purchase -> purchase.getString("bookId"))
                .containsExactlyInAnyOrder(bookId, otherBook);
        assertThat(purchases).allSatisfy(purchase -> assertThat(purchase.getString("orderId"))
                .isEqualTo(first.orderId()));

        RecordMetadata replayed = orders.send(Topics.ORDER_EVENTS, first);
        api.awaitHandled(replayed);
        assertThat(purchasesOf(buyer)).isEqualTo(purchases);
        buyer.http()
                .get()
                .uri("/api/books/{id}/reviews/mine", bookId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.verifiedBuyer")
                .isEqualTo(true)
                .jsonPath("$.review")
                .doesNotExist();
    }

    @Test
    void aDeliveryOfTheOldContractWithoutCustomerOrLinesNamesNobody() throws Exception {
        RecordMetadata old = orders.send(
                Topics.ORDER_EVENTS,
                new OrderDelivered(
                        UUID.randomUUID(), java.time.Instant.now(), "order-" + UUID.randomUUID(), null, null));
        RecordMetadata next = api.deliver(api.customer(), addBook("After An Old Delivery"));

        // Handled past the old record: it neither stalled the partition nor went anywhere.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> orders.handled(ReviewApi.GROUP, old) && orders.handled(ReviewApi.GROUP, next));
    }

    @Test
    void aCustomerWhoDidNotReceiveTheBookIsToldWhyTheyCannotReviewIt() throws Exception {
        String bookId = addBook("Not Yours Yet");
        Customer browser = api.customer();
        // A buyer of another book only.
        api.verified(api.customer(), addBook("Some Other Book"));

        browser.http()
                .post()
                .uri("/api/books/{id}/reviews", bookId)
                .bodyValue(review(5, "Looks great"))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/not-a-verified-buyer")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("delivered"));
        api.anonymous()
                .post()
                .uri("/api/books/{id}/reviews", bookId)
                .bodyValue(review(5, "Anonymous"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        assertThat(ReviewApi.list(api.anonymous(), bookId, "").get("total")).isEqualTo(0);
    }

    @Test
    void aReaderReviewsABookOnceAndIsPointedToTheirReview() throws Exception {
        String bookId = addBook("Reviewed Once");
        Customer buyer = api.verified(api.customer(), bookId);
        Map<String, Object> written = write(buyer, bookId, 4, "Good");

        buyer.http()
                .post()
                .uri("/api/books/{id}/reviews", bookId)
                .bodyValue(review(1, "Changed my mind"))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/review-exists")
                .jsonPath("$.reviewId")
                .isEqualTo(written.get("id"));
        assertThat(items(list(api.anonymous(), bookId, "")))
                .singleElement()
                .satisfies(only -> assertThat(only.get("rating")).isEqualTo(4));
    }

    @Test
    void readersEditAndDeleteTheirOwnReviewButNotAnothersAndTheRatingFollows() throws Exception {
        String bookId = addBook("Edited And Deleted");
        Customer author = api.verified(api.customer(), bookId);
        Customer other = api.verified(api.customer(), bookId);
        Map<String, Object> written = write(author, bookId, 2, "Slow start");
        String reviewId = (String) written.get("id");
        assertThat(written).containsEntry("edited", false).containsEntry("mine", true);
        assertThat(rating(bookId)).isEqualTo(Map.of("average", 2.0, "count", 1));

        other.http()
                .put()
                .uri("/api/books/{id}/reviews/{reviewId}", bookId, reviewId)
                .bodyValue(review(1, "Hijacked"))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/forbidden");
        other.http()
                .delete()
                .uri("/api/books/{id}/reviews/{reviewId}", bookId, reviewId)
                .exchange()
                .expectStatus()
                .isForbidden();
        author.http()
                .put()
                .uri("/api/books/{id}/reviews/{reviewId}", bookId, reviewId)
                .bodyValue(review(5, "It gets much better"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.rating")
                .isEqualTo(5)
                .jsonPath("$.text")
                .isEqualTo("It gets much better")
                .jsonPath("$.edited")
                .isEqualTo(true);
        assertThat(rating(bookId)).isEqualTo(Map.of("average", 5.0, "count", 1));

        author.http()
                .delete()
                .uri("/api/books/{id}/reviews/{reviewId}", bookId, reviewId)
                .exchange()
                .expectStatus()
                .isNoContent();
        author.http()
                .delete()
                .uri("/api/books/{id}/reviews/{reviewId}", bookId, reviewId)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/review-not-found");
        assertThat(list(api.anonymous(), bookId, "").get("total")).isEqualTo(0);
        assertThat(rating(bookId)).containsEntry("count", 0).containsEntry("average", null);
        // Deleted, it can be written anew.
        write(author, bookId, 3, null);
    }

    @Test
    void aReaderFindsAnothersReviewHelpfulOnceAndNeverTheirOwn() throws Exception {
        String bookId = addBook("Helpful Votes");
        Customer author = api.verified(api.customer(), bookId);
        Customer reader = api.customer();
        String reviewId = (String) write(author, bookId, 5, "Read it twice").get("id");

        for (int vote = 0; vote < 2; vote++) {
            reader.http()
                    .post()
                    .uri("/api/books/{id}/reviews/{reviewId}/helpful", bookId, reviewId)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.helpfulCount")
                    .isEqualTo(1)
                    .jsonPath("$.votedHelpful")
                    .isEqualTo(true);
        }
        author.http()
                .post()
                .uri("/api/books/{id}/reviews/{reviewId}/helpful", bookId, reviewId)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/own-review");
        api.anonymous()
                .post()
                .uri("/api/books/{id}/reviews/{reviewId}/helpful", bookId, reviewId)
                .exchange()
                .expectStatus()
                .isUnauthorized();

        assertThat(items(list(reader.http(), bookId, ""))).singleElement().satisfies(seen -> assertThat(seen)
                .containsEntry("helpfulCount", 1)
                .containsEntry("votedHelpful", true)
                .containsEntry("mine", false));
        assertThat(items(list(api.anonymous(), bookId, ""))).singleElement().satisfies(seen -> assertThat(seen)
                .containsEntry("votedHelpful", false));
    }

    @Test
    void onlyAnAdminHidesAReviewWhichLeavesTheListAndTheRatingUntilShownAgain() throws Exception {
        String bookId = addBook("Moderated");
        Customer author = api.verified(api.customer(), bookId);
        Customer kept = api.verified(api.customer(), bookId);
        String reviewId = (String) write(author, bookId, 1, "Spam spam spam").get("id");
        write(kept, bookId, 5, "Wonderful");
        assertThat(rating(bookId)).isEqualTo(Map.of("average", 3.0, "count", 2));

        kept.http()
                .post()
                .uri("/api/books/{id}/reviews/{reviewId}/hide", bookId, reviewId)
                .bodyValue(Map.of("reason", "I disagree"))
                .exchange()
                .expectStatus()
                .isForbidden();
        api.admin()
                .post()
                .uri("/api/books/{id}/reviews/{reviewId}/hide", bookId, reviewId)
                .bodyValue(Map.of("reason", " "))
                .exchange()
                .expectStatus()
                .isBadRequest();
        api.admin()
                .post()
                .uri("/api/books/{id}/reviews/{reviewId}/hide", bookId, reviewId)
                .bodyValue(Map.of("reason", "Advertising"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.hidden.reason")
                .isEqualTo("Advertising");

        assertThat(ids(list(api.anonymous(), bookId, "")))
                .doesNotContain(reviewId)
                .hasSize(1);
        assertThat(ids(list(kept.http(), bookId, ""))).doesNotContain(reviewId);
        assertThat(items(list(api.admin(), bookId, "")))
                .filteredOn(item -> reviewId.equals(item.get("id")))
                .singleElement()
                .satisfies(hidden -> assertThat(hidden.get("hidden").toString()).contains("Advertising"));
        assertThat(rating(bookId)).isEqualTo(Map.of("average", 5.0, "count", 1));
        kept.http()
                .post()
                .uri("/api/books/{id}/reviews/{reviewId}/helpful", bookId, reviewId)
                .exchange()
                .expectStatus()
                .isNotFound();

        kept.http()
                .post()
                .uri("/api/books/{id}/reviews/{reviewId}/unhide", bookId, reviewId)
                .exchange()
                .expectStatus()
                .isForbidden();
        api.admin()
                .post()
                .uri("/api/books/{id}/reviews/{reviewId}/unhide", bookId, reviewId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.hidden")
                .doesNotExist();
        assertThat(ids(list(api.anonymous(), bookId, ""))).contains(reviewId).hasSize(2);
        assertThat(rating(bookId)).isEqualTo(Map.of("average", 3.0, "count", 2));
    }

    @Test
    @SuppressWarnings("unchecked")
    void reviewsArePagedNewestOrMostHelpfulFirst() throws Exception {
        String bookId = addBook("Paged Reviews");
        Customer first = api.verified(api.customer(), bookId);
        Customer second = api.verified(api.customer(), bookId);
        Customer third = api.verified(api.customer(), bookId);
        String oldest = (String) write(first, bookId, 3, "First").get("id");
        String middle = (String) write(second, bookId, 4, "Second").get("id");
        String newest = (String) write(third, bookId, 5, "Third").get("id");
        for (Customer voter : List.of(api.customer(), api.customer())) {
            voter.http()
                    .post()
                    .uri("/api/books/{id}/reviews/{reviewId}/helpful", bookId, oldest)
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        api.customer()
                .http()
                .post()
                .uri("/api/books/{id}/reviews/{reviewId}/helpful", bookId, middle)
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(ids(list(api.anonymous(), bookId, ""))).containsExactly(newest, middle, oldest);
        assertThat(ids(list(api.anonymous(), bookId, "?sort=helpful"))).containsExactly(oldest, middle, newest);
        Map<String, Object> secondPage = list(api.anonymous(), bookId, "?sort=newest&page=1&size=2");
        assertThat(ids(secondPage)).containsExactly(oldest);
        assertThat(secondPage)
                .containsEntry("page", 1)
                .containsEntry("size", 2)
                .containsEntry("total", 3)
                .containsEntry("rating", Map.of("average", 4.0, "count", 3));
        assertThat(items(list(second.http(), bookId, "")))
                .extracting(item -> item.get("mine"))
                .containsExactly(false, true, false);
        assertThat((Map<String, Object>)
                        items(list(api.anonymous(), bookId, "")).getFirst().get("author"))
                .containsEntry("name", null)
                .containsEntry("verifiedBuyer", true);
    }

    @Test
    void markupInAReviewComesBackExactlyAsSent() throws Exception {
        String bookId = addBook("Markup As Text");
        Customer buyer = api.verified(api.customer(), bookId);
        String text = "<script>alert('x')</script> <b>bold</b> &amp; <img src=x onerror=alert(1)>\n"
                + "  \"quoted\" — 很好看 ${7*7} {{7*7}}  ";

        assertThat(write(buyer, bookId, 4, text)).containsEntry("text", text);
        assertThat(items(list(api.anonymous(), bookId, "")))
                .singleElement()
                .satisfies(shown -> assertThat(shown.get("text")).isEqualTo(text));
    }

    @Test
    void badReviewsAreRefusedWithoutChangingAnything() throws Exception {
        String bookId = addBook("Limits");
        Customer buyer = api.verified(api.customer(), bookId);

        for (Map<String, Object> bad : List.of(
                review(0, "zero"),
                review(6, "six"),
                review(4.5, "half"),
                review("five", "words"),
                review(null, "no rating"),
                review(5, "长".repeat(2_001)),
                review(5, "bell \u0007"))) {
            buyer.http()
                    .post()
                    .uri("/api/books/{id}/reviews", bookId)
                    .bodyValue(bad)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(list(api.anonymous(), bookId, "").get("total")).isEqualTo(0);
        // The limit counts characters, not bytes or UTF-16 units: 2,000 Chinese characters are fine.
        write(buyer, bookId, 5, "好".repeat(2_000));

        buyer.http()
                .post()
                .uri("/api/books/{id}/reviews", UUID.randomUUID())
                .bodyValue(review(5, "No such book"))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/book-not-found");
        api.anonymous()
                .get()
                .uri("/api/books/{id}/reviews", UUID.randomUUID())
                .exchange()
                .expectStatus()
                .isNotFound();
        for (String query : List.of("?sort=best", "?size=0", "?size=101", "?page=-1")) {
            api.anonymous()
                    .get()
                    .uri("/api/books/" + bookId + "/reviews" + query)
                    .exchange()
                    .expectStatus()
                    .isBadRequest();
        }
        api.anonymous()
                .get()
                .uri("/api/books/not-a-book/reviews")
                .exchange()
                .expectStatus()
                .isBadRequest();
        buyer.http()
                .put()
                .uri("/api/books/{id}/reviews/not-a-review", bookId)
                .bodyValue(review(5, "x"))
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void concurrentReviewsOfOneBookAllCountInItsRating() throws Exception {
        String bookId = addBook("Many At Once");
        List<Customer> buyers =
                List.of(api.customer(), api.customer(), api.customer(), api.customer(), api.customer(), api.customer());
        for (Customer buyer : buyers) {
            api.verified(buyer, bookId);
        }

        List<Thread> writers = new java.util.ArrayList<>();
        for (int i = 0; i < buyers.size(); i++) {
            Customer buyer = buyers.get(i);
            int stars = 1 + i % 5;
            writers.add(Thread.ofPlatform().start(() -> write(buyer, bookId, stars, null)));
        }
        for (Thread writer : writers) {
            writer.join();
        }

        // 1+2+3+4+5+1 = 16 stars over 6 reviews: 2.67, shown as 2.7.
        assertThat(rating(bookId)).isEqualTo(Map.of("average", 2.7, "count", 6));
    }

    private String addBook(String title) {
        return catalogue.add(book(TestIsbns.next(), title + " " + System.nanoTime(), "A Reviewer", "en"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> rating(String bookId) {
        return (Map<String, Object>) catalogue.book(bookId).get("rating");
    }

    private List<Document> purchasesOf(Customer customer) {
        return mongo.find(
                        org.springframework.data.mongodb.core.query.Query.query(
                                org.springframework.data.mongodb.core.query.Criteria.where("customer")
                                        .is(pseudonym.of(customer.id().toString()))),
                        Document.class,
                        "verified_purchases")
                .collectList()
                .block(Duration.ofSeconds(10));
    }
}
