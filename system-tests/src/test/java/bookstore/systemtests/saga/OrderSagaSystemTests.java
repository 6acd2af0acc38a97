package bookstore.systemtests.saga;

import static bookstore.systemtests.support.Orders.DECLINED;
import static bookstore.systemtests.support.Orders.VISA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.systemtests.support.Books;
import bookstore.systemtests.support.Books.Stock;
import bookstore.systemtests.support.Customer;
import bookstore.systemtests.support.Orders;
import bookstore.systemtests.support.Response;
import bookstore.systemtests.support.Shop;
import bookstore.systemtests.support.SystemTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Checkout through the gateway, on the running shop: every way an order can end. */
@SystemTest
class OrderSagaSystemTests {

    private final Shop shop;

    OrderSagaSystemTests(Shop shop) {
        this.shop = shop;
    }

    @Test
    void aPaidOrderIsConfirmedAndItsCopiesLeaveTheShelf() {
        String book = Books.addOrderable(shop, "The Paid Order", 4_500, 10);
        Customer customer = shop.newCustomer();

        Response placed = Orders.place(customer, book, 2, VISA).expect(202);
        assertThat(placed.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(placed.json().get("total").get("amount").asLong()).isEqualTo(9_000);

        String orderId = placed.json().get("id").asString();
        JsonNode order = Orders.awaitStatus(customer, orderId, "CONFIRMED");
        assertThat(order.get("statusHistory").findValuesAsString("status")).containsExactly("PENDING", "CONFIRMED");
        // Inventory commits the reservation when it hears of the confirmation, a moment later.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(Books.stock(shop, book)).isEqualTo(new Stock(8, 0, 8)));
        JsonNode payment = paymentOf(customer, orderId);
        assertThat(payment.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(payment.get("amount").get("amount").asLong()).isEqualTo(9_000);
    }

    @Test
    void aDeclinedCardCancelsTheOrderAndPutsTheCopiesBack() {
        String book = Books.addOrderable(shop, "The Declined Card", 3_000, 10);
        Customer customer = shop.newCustomer();

        String orderId = Orders.place(customer, book, 3, DECLINED)
                .expect(202)
                .json()
                .get("id")
                .asString();

        JsonNode order = Orders.awaitStatus(customer, orderId, "CANCELLED");
        assertThat(order.get("failureReason").asString()).contains("declined");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(Books.stock(shop, book)).isEqualTo(new Stock(10, 0, 10)));
        assertThat(paymentOf(customer, orderId).get("status").asString()).isEqualTo("FAILED");
    }

    @Test
    void askingForMoreThanIsInStockIsRejectedAndChargesNothing() {
        String book = Books.addOrderable(shop, "The Short Shelf", 2_000, 2);
        Customer customer = shop.newCustomer();

        String orderId = Orders.place(customer, book, 3, VISA)
                .expect(202)
                .json()
                .get("id")
                .asString();

        JsonNode order = Orders.awaitStatus(customer, orderId, "REJECTED");
        assertThat(order.get("failureReason").asString()).isNotBlank();
        assertThat(Books.stock(shop, book)).isEqualTo(new Stock(2, 0, 2));
        assertThat(customer.get("/api/payments?orderId=" + orderId)
                        .expect(200)
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void anOrderCancelledBeforeShippingIsRefundedAndRestocked() {
        String book = Books.addOrderable(shop, "The Change of Heart", 5_000, 10);
        Customer customer = shop.newCustomer();
        String orderId = Orders.place(customer, book, 1, VISA)
                .expect(202)
                .json()
                .get("id")
                .asString();
        Orders.awaitStatus(customer, orderId, "CONFIRMED");

        Response cancelled =
                customer.post("/api/orders/" + orderId + "/cancel", null).expect(200);

        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode payment = paymentOf(customer, orderId);
            assertThat(payment.get("status").asString()).isEqualTo("REFUNDED");
            assertThat(payment.get("refunded").get("amount").asLong()).isEqualTo(5_000);
        });
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(Books.stock(shop, book)).isEqualTo(new Stock(10, 0, 10)));
        Response again =
                customer.post("/api/orders/" + orderId + "/cancel", null).expect(200);
        assertThat(again.json().get("status").asString())
                .as("cancelling again is a safe retry")
                .isEqualTo("CANCELLED");
        assertThat(paymentOf(customer, orderId).get("refunded").get("amount").asLong())
                .as("refunded once")
                .isEqualTo(5_000);
    }

    @Test
    void theSameIdempotencyKeyTwiceMakesOneOrder() {
        String book = Books.addOrderable(shop, "The Double Click", 1_500, 10);
        Customer customer = shop.newCustomer();
        Map<String, Object> checkout = Orders.checkout(book, 1, VISA);
        String key = UUID.randomUUID().toString();

        Response first = Orders.place(customer, checkout, key).expect(202);
        Response second = Orders.place(customer, checkout, key).expect(200);

        assertThat(second.json().get("id").asString())
                .isEqualTo(first.json().get("id").asString());
        Orders.awaitStatus(customer, first.json().get("id").asString(), "CONFIRMED");
        assertThat(customer.get("/api/orders").expect(200).json().get("total").asLong())
                .isEqualTo(1);
        assertThat(Books.stock(shop, book).available()).isEqualTo(9);
        assertThat(Orders.place(customer, Orders.checkout(book, 2, VISA), key).status())
                .as("the key reused for another request")
                .isEqualTo(422);
    }

    private static JsonNode paymentOf(Customer customer, String orderId) {
        JsonNode payments =
                customer.get("/api/payments?orderId=" + orderId).expect(200).json();
        assertThat(payments.get("total").asLong())
                .as("payments of order " + orderId)
                .isEqualTo(1);
        return payments.get("items").get(0);
    }
}
