package bookstore.order;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Who calls the API in tests: customers and admins as the user service's tokens describe them. */
public final class Callers {

    private Callers() {}

    /** A customer no other test uses. */
    public static String newCustomerId() {
        return "user-" + UUID.randomUUID();
    }

    public static WebTestClient customer(WebTestClient client, String userId) {
        return client.mutateWith(mockJwt()
                .jwt(jwt -> jwt.subject(userId).claim("roles", List.of("CUSTOMER")))
                .authorities(new SimpleGrantedAuthority("ROLE_CUSTOMER")));
    }

    public static WebTestClient admin(WebTestClient client) {
        return client.mutateWith(mockJwt()
                .jwt(jwt -> jwt.subject("admin-" + UUID.randomUUID()))
                .authorities(new SimpleGrantedAuthority("ROLE_ADMIN")));
    }

    /** A checkout body for the given book ids and quantities (bookId, quantity, bookId, quantity…). */
    public static Map<String, Object> checkout(Object... bookIdsAndQuantities) {
        var items = new java.util.ArrayList<Map<String, Object>>();
        for (int i = 0; i < bookIdsAndQuantities.length; i += 2) {
            items.add(Map.of("bookId", bookIdsAndQuantities[i], "quantity", bookIdsAndQuantities[i + 1]));
        }
        return Map.of("items", items, "shippingAddress", address(), "paymentMethod", "pm_card_visa");
    }

    public static Map<String, Object> checkoutFromCart() {
        return Map.of("fromCart", true, "shippingAddress", address(), "paymentMethod", "pm_card_visa");
    }

    public static Map<String, Object> address() {
        return Map.of(
                "recipient", "韩梅梅",
                "line1", "人民路 1 号",
                "city", "北京",
                "postalCode", "100000",
                "country", "CN");
    }
}
