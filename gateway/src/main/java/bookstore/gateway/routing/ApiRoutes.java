package bookstore.gateway.routing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The public API surface: only {@code /api/**} paths are routed, each to the service that owns it, with the path and
 * query passed through unchanged. Anything else (a service's {@code /actuator}, the gateway's own) has no route and
 * gets a 404.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DownstreamServices.class)
class ApiRoutes {

    @Bean
    RouteLocator serviceRoutes(RouteLocatorBuilder routes, DownstreamServices services, ResilientCalls resilientCalls) {
        return routes.routes()
                .route("catalog-service", route -> route.path("/api/books/**")
                        .filters(filters -> resilientCalls.guard(filters, "catalog-service"))
                        .uri(services.catalog()))
                .route("user-service", route -> route.path("/api/users/**", "/api/auth/**")
                        .filters(filters -> resilientCalls.guard(filters, "user-service"))
                        .uri(services.user()))
                .route("order-service", route -> route.path("/api/orders/**", "/api/cart/**")
                        .filters(filters -> resilientCalls.guard(filters, "order-service"))
                        .uri(services.order()))
                .route("inventory-service", route -> route.path("/api/inventory/**")
                        .filters(filters -> resilientCalls.guard(filters, "inventory-service"))
                        .uri(services.inventory()))
                .route("payment-service", route -> route.path("/api/payments/**")
                        .filters(filters -> resilientCalls.guard(filters, "payment-service"))
                        .uri(services.payment()))
                .build();
    }
}
