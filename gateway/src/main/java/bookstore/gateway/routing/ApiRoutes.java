package bookstore.gateway.routing;

import bookstore.gateway.caching.SharedResponseCache;
import java.util.function.Function;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.route.builder.UriSpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The public API surface: only {@code /api/**} paths are routed, each to the service that owns it, with the path and
 * query passed through unchanged. Anything else (a service's {@code /actuator}, the gateway's own) has no route and
 * gets a 404. Answers a service marks as shareable are served from the gateway's {@link SharedResponseCache} while
 * fresh; every call that does reach a service is guarded ({@link ResilientCalls}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DownstreamServices.class)
class ApiRoutes {

    @Bean
    RouteLocator serviceRoutes(
            RouteLocatorBuilder routes,
            DownstreamServices services,
            ResilientCalls resilientCalls,
            SharedResponseCache responseCache) {
        Function<String, Function<GatewayFilterSpec, UriSpec>> callsTo = service ->
                // The cache is Ordered itself (SharedResponseCache.ORDER); an order given here would be ignored, with a
                // warning.
                filters -> resilientCalls.guard(filters.filter(responseCache), service);
        return routes.routes()
                .route("catalog-service", route -> route.path("/api/books/**", "/api/recommendations/**")
                        .filters(callsTo.apply("catalog-service"))
                        .uri(services.catalog()))
                .route("user-service", route -> route.path("/api/users/**", "/api/auth/**")
                        .filters(callsTo.apply("user-service"))
                        .uri(services.user()))
                .route("order-service", route -> route.path("/api/orders/**", "/api/cart/**", "/api/shipping/**")
                        .filters(callsTo.apply("order-service"))
                        .uri(services.order()))
                .route("inventory-service", route -> route.path("/api/inventory/**")
                        .filters(callsTo.apply("inventory-service"))
                        .uri(services.inventory()))
                .route("payment-service", route -> route.path("/api/payments/**")
                        .filters(callsTo.apply("payment-service"))
                        .uri(services.payment()))
                .route("analytics-service", route -> route.path("/api/analytics/**")
                        .filters(callsTo.apply("analytics-service"))
                        .uri(services.analytics()))
                .build();
    }
}
