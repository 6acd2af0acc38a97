package bookstore.systemtests.saga;

import static bookstore.systemtests.support.Orders.VISA;
import static org.assertj.core.api.Assertions.assertThat;

import bookstore.systemtests.support.Books;
import bookstore.systemtests.support.Customer;
import bookstore.systemtests.support.Orders;
import bookstore.systemtests.support.Shop;
import bookstore.systemtests.support.SystemTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * After the payment, through the gateway on the running shop: an admin ships the order, the sandbox
 * carrier's signed callbacks (one a second here) take it to DELIVERED, and the customer confirms
 * receipt. A forged callback, open to the internet as carriers need it, is refused.
 */
@SystemTest
class ShippingAndReceiptSystemTests {

    private final Shop shop;

    ShippingAndReceiptSystemTests(Shop shop) {
        this.shop = shop;
    }

    @Test
    void aShippedOrderIsTrackedToDeliveredByTheCarrierAndReceivedByTheCustomer() {
        String book = Books.addOrderable(shop, "The Long Journey", 3_900, 5);
        Customer customer = shop.newCustomer();
        String orderId = Orders.place(customer, book, 1, VISA)
                .expect(202)
                .json()
                .get("id")
                .asString();
        Orders.awaitStatus(customer, orderId, "CONFIRMED");

        shop.admin()
                .post(
                        "/api/orders/" + orderId + "/ship",
                        Map.of("carrier", "shunfeng", "trackingNumber", "SF" + orderId.substring(0, 8)))
                .expect(200);
        String forged =
                "param=" + URLEncoder.encode("{\"status\":\"shutdown\",\"lastResult\":{}}", StandardCharsets.UTF_8)
                        + "&sign=00000000000000000000000000000000";
        assertThat(shop.client()
                        .send(
                                "POST",
                                "/api/shipping/callbacks/sandbox",
                                forged,
                                Map.of("Content-Type", "application/x-www-form-urlencoded"))
                        .status())
                .as("a forged callback reaches order-service without a token and is refused there")
                .isEqualTo(400);

        JsonNode delivered = Orders.awaitStatus(customer, orderId, Set.of("DELIVERED"), Duration.ofSeconds(60));
        assertThat(delivered.get("statusHistory").findValuesAsString("status"))
                .containsExactly("PENDING", "CONFIRMED", "SHIPPED", "IN_TRANSIT", "DELIVERED");
        JsonNode tracking =
                customer.get("/api/orders/" + orderId + "/tracking").expect(200).json();
        assertThat(tracking.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(tracking.get("events").findValuesAsString("status"))
                .containsExactly("DELIVERED", "OUT_FOR_DELIVERY", "IN_TRANSIT", "IN_TRANSIT", "COLLECTED");
        assertThat(shop.newCustomer()
                        .get("/api/orders/" + orderId + "/tracking")
                        .status())
                .isEqualTo(404);

        JsonNode received = customer.post("/api/orders/" + orderId + "/receive", null)
                .expect(200)
                .json();
        assertThat(received.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(customer.post("/api/orders/" + orderId + "/receive", null).status())
                .isEqualTo(409);
    }
}
