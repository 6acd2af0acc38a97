package bookstore.systemtests.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.systemtests.support.Books;
import bookstore.systemtests.support.Customer;
import bookstore.systemtests.support.Orders;
import bookstore.systemtests.support.Shop;
import bookstore.systemtests.support.SystemTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Through the gateway on the running shop: the customer whose order was delivered reviews the book (so order-service
 * and the catalogue agree on the customer's pseudonym), the rating shows on the book and in search, someone who did
 * not buy it is told why they cannot, and only an admin hides a review.
 */
@SystemTest
class ReviewSystemTests {

    private final Shop shop;

    ReviewSystemTests(Shop shop) {
        this.shop = shop;
    }

    @Test
    void theCustomerAnOrderWasDeliveredToReviewsTheBookAndTheRatingShowsInSearch() {
        String title = "Reviewed Lighthouse " + System.nanoTime();
        String bookId = Books.addOrderable(shop, title, 3_300, 5);
        Customer buyer = shop.newCustomer();
        Customer stranger = shop.newCustomer();
        String orderId = Orders.place(buyer, bookId, 1, Orders.VISA)
                .expect(202)
                .json()
                .get("id")
                .asString();
        Orders.awaitStatus(buyer, orderId, "CONFIRMED");
        Customer admin = shop.admin();
        admin.post(
                        "/api/orders/" + orderId + "/ship",
                        Map.of("carrier", "shunfeng", "trackingNumber", "SF" + System.nanoTime()))
                .expect(200);
        admin.post("/api/orders/" + orderId + "/deliver", Map.of()).expect(200);

        await("the catalogue learns the delivery")
                .atMost(Duration.ofSeconds(30))
                .until(() -> buyer.get("/api/books/" + bookId + "/reviews/mine")
                        .expect(200)
                        .json()
                        .get("verifiedBuyer")
                        .asBoolean());
        String markup = "<script>alert('x')</script> 好书 & <b>推荐</b>";
        JsonNode review = buyer.post("/api/books/" + bookId + "/reviews", Map.of("rating", 4, "text", markup))
                .expect(201)
                .json();
        assertThat(review.get("text").asString()).isEqualTo(markup);

        JsonNode refused = stranger.post("/api/books/" + bookId + "/reviews", Map.of("rating", 1))
                .expect(403)
                .json();
        assertThat(refused.get("type").asString()).endsWith("/not-a-verified-buyer");
        buyer.post("/api/books/" + bookId + "/reviews", Map.of("rating", 5)).expect(409);
        stranger.post(
                        "/api/books/" + bookId + "/reviews/" + review.get("id").asString() + "/hide",
                        Map.of("reason", "no"))
                .expect(403);

        JsonNode listed = shop.client()
                .get("/api/books/" + bookId + "/reviews")
                .expect(200)
                .json();
        assertThat(listed.get("total").asLong()).isEqualTo(1);
        assertThat(listed.get("items").get(0).get("text").asString()).isEqualTo(markup);
        assertThat(shop.client()
                        .get("/api/books/" + bookId)
                        .expect(200)
                        .json()
                        .get("rating")
                        .toString())
                .isEqualTo("{\"average\":4.0,\"count\":1}");
        await("the rating is searchable").atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonNode hit = shop.client()
                    .get("/api/books?sort=rating&minRating=4&q=" + URLEncoder.encode(title, StandardCharsets.UTF_8))
                    .expect(200)
                    .json()
                    .get("items")
                    .get(0);
            assertThat(hit.get("id").asString()).isEqualTo(bookId);
            assertThat(hit.get("rating").get("count").asLong()).isEqualTo(1);
        });

        admin.post(
                        "/api/books/" + bookId + "/reviews/" + review.get("id").asString() + "/hide",
                        Map.of("reason", "Testing moderation"))
                .expect(200);
        assertThat(shop.client()
                        .get("/api/books/" + bookId + "/reviews")
                        .expect(200)
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
    }
}
