package bookstore.systemtests.aftersale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.systemtests.support.Books;
import bookstore.systemtests.support.Customer;
import bookstore.systemtests.support.Orders;
import bookstore.systemtests.support.Shop;
import bookstore.systemtests.support.SystemTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An order's whole life after the payment, end to end through the gateway on the running shop: it is
 * shipped and the sandbox carrier's signed pushes take it to DELIVERED; a stale, a replayed and a
 * forged push change nothing; the customer receives it and reviews the book, and the rating shows in
 * search, while someone who did not buy it cannot review it; then the customer returns one of their
 * two copies, an admin approves it and records it received, the copy is back in stock, its line is
 * refunded by payment and the order shows it all.
 */
@SystemTest
class AfterSaleSystemTests {

    private static final DateTimeFormatter CARRIER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Shop shop;

    AfterSaleSystemTests(Shop shop) {
        this.shop = shop;
    }

    @Test
    void anOrderIsTrackedReceivedReviewedAndOneOfItsTwoCopiesReturnedAndRefunded() {
        String title = "The Returning Tide " + System.nanoTime();
        String bookId = Books.addOrderable(shop, title, 3_900, 5);
        Customer buyer = shop.newCustomer();
        Customer stranger = shop.newCustomer();
        Customer admin = shop.admin();

        String orderId = Orders.place(buyer, bookId, 2, Orders.VISA)
                .expect(202)
                .json()
                .get("id")
                .asString();
        Orders.awaitStatus(buyer, orderId, "CONFIRMED");
        String trackingNumber = "SF" + System.nanoTime();
        admin.post("/api/orders/" + orderId + "/ship", Map.of("carrier", "shunfeng", "trackingNumber", trackingNumber))
                .expect(200);
        JsonNode delivered = Orders.awaitStatus(buyer, orderId, Set.of("DELIVERED"), Duration.ofSeconds(60));
        assertThat(delivered.get("statusHistory").findValuesAsString("status"))
                .containsExactly("PENDING", "CONFIRMED", "SHIPPED", "IN_TRANSIT", "DELIVERED");

        // A stale push (in transit, after the delivery) is acknowledged, as the carrier expects, and moves nothing
        // back; the same push again (a replay) is not recorded twice; a forged one is refused.
        String stale = param(trackingNumber, "0", "在途");
        assertThat(push(stale, Shop.SANDBOX_CARRIER_SALT)).isEqualTo(200);
        int trackedEvents = trackingEvents(buyer, orderId);
        assertThat(push(stale, Shop.SANDBOX_CARRIER_SALT)).isEqualTo(200);
        assertThat(push(param(trackingNumber, "3", "签收"), "not-the-carriers-salt"))
                .isEqualTo(400);
        assertThat(trackingEvents(buyer, orderId)).isEqualTo(trackedEvents);
        JsonNode afterPushes = buyer.get("/api/orders/" + orderId).expect(200).json();
        assertThat(afterPushes.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(afterPushes.get("statusHistory").size()).isEqualTo(5);

        JsonNode received = buyer.post("/api/orders/" + orderId + "/receive", null)
                .expect(200)
                .json();
        assertThat(received.get("status").asString()).isEqualTo("RECEIVED");

        await("the catalogue knows the buyer").atMost(Duration.ofSeconds(30)).until(() -> buyer.get(
                        "/api/books/" + bookId + "/reviews/mine")
                .expect(200)
                .json()
                .get("verifiedBuyer")
                .asBoolean());
        buyer.post("/api/books/" + bookId + "/reviews", Map.of("rating", 5, "text", "值得一读"))
                .expect(201);
        assertThat(stranger.post("/api/books/" + bookId + "/reviews", Map.of("rating", 1))
                        .expect(403)
                        .json()
                        .get("type")
                        .asString())
                .endsWith("/not-a-verified-buyer");
        await("the rating is searchable").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode hit = shop.client()
                    .get("/api/books?sort=rating&minRating=5&q=" + URLEncoder.encode(title, StandardCharsets.UTF_8))
                    .expect(200)
                    .json()
                    .get("items")
                    .get(0);
            assertThat(hit.get("id").asString()).isEqualTo(bookId);
            assertThat(hit.get("rating").get("average").asDouble()).isEqualTo(5.0);
        });

        int availableBefore = Books.stock(shop, bookId).available();
        assertThat(availableBefore).isEqualTo(3);
        JsonNode requested = buyer.post(
                        "/api/orders/" + orderId + "/returns",
                        Map.of("items", List.of(Map.of("bookId", bookId, "quantity", 1)), "reason", "重复购买了一本"))
                .expect(201)
                .json();
        String returnId = requested.get("returns").get(0).get("id").asString();
        String returnPath = "/api/orders/" + orderId + "/returns/" + returnId;
        stranger.post(returnPath + "/withdraw", null).expect(404);
        buyer.post(returnPath + "/approve", null).expect(403);
        assertThat(admin.get("/api/orders?afterSale=open&size=100")
                        .expect(200)
                        .json()
                        .get("items")
                        .findValuesAsString("id"))
                .contains(orderId);
        admin.post(returnPath + "/approve", null).expect(200);
        buyer.post(
                        returnPath + "/send-back",
                        Map.of("carrier", "shunfeng", "trackingNumber", "SF-R" + System.nanoTime()))
                .expect(200);
        admin.post(
                        returnPath + "/receive",
                        Map.of("copies", List.of(Map.of("bookId", bookId, "resalable", 1, "damaged", 0))))
                .expect(200);

        JsonNode completed = await("the return is restocked and refunded")
                .atMost(Duration.ofSeconds(30))
                .until(() -> buyer.get("/api/orders/" + orderId).expect(200).json(), order -> order.get("returns")
                        .get(0)
                        .get("status")
                        .asString()
                        .equals("COMPLETED"));
        assertThat(completed.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(completed.get("refunded").get("amount").asLong()).isEqualTo(3_900);
        assertThat(completed.get("refunds").get(0).get("status").asString()).isEqualTo("REFUNDED");
        assertThat(completed.get("refunds").get(0).get("amount").get("amount").asLong())
                .isEqualTo(3_900);
        assertThat(completed.get("returns").get(0).get("history").findValuesAsString("status"))
                .containsExactly("REQUESTED", "APPROVED", "SENT_BACK", "RECEIVED", "COMPLETED");
        assertThat(Books.stock(shop, bookId).available()).isEqualTo(availableBefore + 1);
        JsonNode payment = admin.get("/api/payments?orderId=" + orderId)
                .expect(200)
                .json()
                .get("items")
                .get(0);
        assertThat(payment.get("amount").get("amount").asLong()).isEqualTo(7_800);
        assertThat(payment.get("refunded").get("amount").asLong()).isEqualTo(3_900);
        assertThat(admin.get("/api/orders?afterSale=open&size=100")
                        .expect(200)
                        .json()
                        .get("items")
                        .findValuesAsString("id"))
                .doesNotContain(orderId);
    }

    private static int trackingEvents(Customer owner, String orderId) {
        return owner.get("/api/orders/" + orderId + "/tracking")
                .expect(200)
                .json()
                .get("events")
                .size();
    }

    /** A tracking update for the parcel as Kuaidi100 writes its pushes, dated yesterday. */
    private static String param(String trackingNumber, String state, String statusName) {
        String time = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusDays(1).format(CARRIER_TIME);
        return """
                {"status":"polling","billstatus":"sending","message":"","lastResult":{"message":"ok","nu":"%s",\
                "ischeck":"0","condition":"00","com":"shunfeng","status":"200","state":"%s","data":[{"context":\
                "【深圳市】快件在途","time":"%s","ftime":"%s","status":"%s","areaName":"广东省深圳市"}]}}""".formatted(trackingNumber, state, time, time, statusName);
    }

    /** Pushes the update to the sandbox carrier's callback, signed with MD5(param + salt) in upper-case hex. */
    private int push(String param, String salt) {
        String form = "param=" + URLEncoder.encode(param, StandardCharsets.UTF_8) + "&sign=" + md5(param + salt);
        return shop.client()
                .send(
                        "POST",
                        "/api/shipping/callbacks/sandbox",
                        form,
                        Map.of("Content-Type", "application/x-www-form-urlencoded"))
                .status();
    }

    private static String md5(String text) {
        try {
            return HexFormat.of()
                    .withUpperCase()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
