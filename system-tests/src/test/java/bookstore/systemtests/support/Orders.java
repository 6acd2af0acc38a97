package bookstore.systemtests.support;

import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/** Checking out and following an order through the saga, as a customer does. */
public final class Orders {

    public static final String VISA = "pm_card_visa";
    public static final String DECLINED = "pm_card_chargeDeclined";
    /** Where the saga ends (CONFIRMED, REJECTED, CANCELLED), and where a delivered order's life ends. */
    public static final Set<String> TERMINAL = Set.of("CONFIRMED", "REJECTED", "CANCELLED", "RECEIVED");

    /** The statuses of an order that was paid for and not cancelled: its copies are sold. */
    public static final Set<String> PAID = Set.of("CONFIRMED", "SHIPPED", "IN_TRANSIT", "DELIVERED", "RECEIVED");

    /** Where every return ends. */
    public static final Set<String> RETURN_ENDED = Set.of("COMPLETED", "REJECTED", "CANCELLED");

    // What the gateway answers when it sheds load or a service is swamped: worth asking again.
    static final Set<Integer> SHED = Set.of(429, 502, 503, 504);

    private static final Map<String, String> ADDRESS = Map.of(
            "recipient", "Lin Daiyu",
            "line1", "1 Grand View Garden",
            "city", "Beijing",
            "postalCode", "100000",
            "country", "CN");

    private Orders() {}

    public static Map<String, Object> checkout(String bookId, int quantity, String paymentMethod) {
        return Map.of(
                "items", List.of(Map.of("bookId", bookId, "quantity", quantity)),
                "shippingAddress", ADDRESS,
                "paymentMethod", paymentMethod);
    }

    /** POST /api/orders with a fresh Idempotency-Key. */
    public static Response place(Customer customer, String bookId, int quantity, String paymentMethod) {
        return place(
                customer,
                checkout(bookId, quantity, paymentMethod),
                UUID.randomUUID().toString());
    }

    public static Response place(Customer customer, Map<String, Object> checkout, String idempotencyKey) {
        return customer.send("POST", "/api/orders", checkout, Map.of("Idempotency-Key", idempotencyKey));
    }

    /**
     * Checks out as a careful client does under load: when the shop sheds the request (429, or 502,
     * 503 and 504 from the gateway while order-service is swamped) or the gateway cannot be reached
     * (restarting), it asks again with the same Idempotency-Key, so however many attempts it takes
     * there is at most one order. The answer to the attempt that got through.
     */
    public static Response placeRetrying(Customer customer, String bookId, int quantity, String paymentMethod) {
        Map<String, Object> checkout = checkout(bookId, quantity, paymentMethod);
        String key = UUID.randomUUID().toString();
        AtomicReference<Response> last = new AtomicReference<>();
        await("order accepted")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreException(UncheckedIOException.class)
                .until(() -> {
                    last.set(place(customer, checkout, key));
                    return !SHED.contains(last.get().status());
                });
        return last.get();
    }

    /**
     * Waits until the order is in one of the statuses, asking again while the shop sheds load; the
     * order as its owner then sees it.
     */
    public static JsonNode awaitStatus(Customer owner, String orderId, Set<String> statuses, Duration atMost) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await("order " + orderId + " in " + statuses)
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    Response response = owner.get("/api/orders/" + orderId);
                    if (SHED.contains(response.status())) {
                        return false;
                    }
                    last.set(response.expect(200).json());
                    return statuses.contains(last.get().get("status").asString());
                });
        return last.get();
    }

    public static JsonNode awaitStatus(Customer owner, String orderId, String status) {
        return awaitStatus(owner, orderId, Set.of(status), Duration.ofSeconds(60));
    }
}
