package bookstore.gateway.routing;

import bookstore.gateway.caching.SharedResponseCache;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.route.builder.UriSpec;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The public API surface: only {@code /api/**} paths are routed, each to the service that owns it, with the path and
 * query passed through unchanged. Anything else (a service's {@code /actuator}, the gateway's own) has no route and
 * gets a 404. Answers a service marks as shareable are served from the gateway's {@link SharedResponseCache} while
 * fresh; every call that does reach a service is guarded ({@link ResilientCalls}). Each consuming service's dead
 * letters are under {@code /api/dead-letters/<service>} (platform, ADR 20), routed to that service.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DownstreamServices.class)
class ApiRoutes {

    static final Duration ANALYTICS_REPORT_TIMEOUT = Duration.ofSeconds(60);
    static final Duration ANALYTICS_IMPORT_TIMEOUT = Duration.ofMinutes(5);

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
                .route("catalog-service", route -> route.path(
                                "/api/books/**", "/api/recommendations/**", "/api/dead-letters/catalog-service/**")
                        .filters(callsTo.apply("catalog-service"))
                        .uri(services.catalog()))
                .route("user-service", route -> route.path("/api/users/**", "/api/auth/**")
                        .filters(callsTo.apply("user-service"))
                        .uri(services.user()))
                .route("order-service", route -> route.path(
                                "/api/orders/**",
                                "/api/cart/**",
                                "/api/shipping/**",
                                "/api/dead-letters/order-service/**")
                        .filters(callsTo.apply("order-service"))
                        .uri(services.order()))
                .route("inventory-service", route -> route.path(
                                "/api/inventory/**", "/api/dead-letters/inventory-service/**")
                        .filters(callsTo.apply("inventory-service"))
                        .uri(services.inventory()))
                .route("payment-service", route -> route.path(
                                "/api/payments/**", "/api/dead-letters/payment-service/**")
                        .filters(callsTo.apply("payment-service"))
                        .uri(services.payment()))
                // An import of past sales streams a large file through analytics' checks and waits for Kafka.
                .route("analytics-imports", route -> route.path("/api/analytics/imports")
                        .filters(callsTo.apply("analytics-service"))
                        .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, ANALYTICS_IMPORT_TIMEOUT.toMillis())
                        .uri(services.analytics()))
                // A report asks every analytics instance, and waits while their stores move between them.
                .route("analytics-service", route -> route.path("/api/analytics/**")
                        .filters(callsTo.apply("analytics-service"))
                        .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, ANALYTICS_REPORT_TIMEOUT.toMillis())
                        .uri(services.analytics()))
                .route("notification-service", route -> route.path(
                                "/api/notifications/**", "/api/dead-letters/notification-service/**")
                        .filters(callsTo.apply("notification-service"))
                        .uri(services.notification()))
                .build();
    }
}
