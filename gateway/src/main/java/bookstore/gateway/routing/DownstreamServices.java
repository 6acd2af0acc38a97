package bookstore.gateway.routing;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where each service answers. Only scheme, host and port count: the gateway forwards the request path unchanged, so a
 * path in one of these URLs would be ignored.
 */
@ConfigurationProperties("bookstore.gateway.services")
record DownstreamServices(
        URI catalog, URI user, URI order, URI inventory, URI payment, URI analytics, URI notification) {

    /** Every service by the name its routes, breaker and OpenAPI document go by, in the order the docs list them. */
    Map<String, URI> byName() {
        Map<String, URI> services = new LinkedHashMap<>();
        services.put("catalog-service", catalog);
        services.put("user-service", user);
        services.put("order-service", order);
        services.put("inventory-service", inventory);
        services.put("payment-service", payment);
        services.put("analytics-service", analytics);
        services.put("notification-service", notification);
        return services;
    }
}
