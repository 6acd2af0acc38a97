package bookstore.gateway.routing;

import bookstore.gateway.caching.SharedResponseCache;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;

/**
 * Every service's OpenAPI document, for the Swagger UI at {@code /api/docs} ({@code springdoc.swagger-ui.urls}):
 * {@code GET /api/docs/<service>} is that service's {@code /v3/api-docs}, one route per service the API routes go to,
 * guarded like every other call to it. The documents name the gateway as their server ({@code /}), so "Try it out"
 * sends its requests here, through the same routes and rules as any client's.
 *
 * <p>A document changes only with a release, and a page of the UI asks for one each time the selector moves: a 200 is
 * marked {@code public, max-age=30} whatever the service said, so browsers keep it that long and the gateway's
 * {@link SharedResponseCache} for as long as it keeps anything (10 s).
 */
@Configuration(proxyBeanMethods = false)
class ApiDescriptions {

    /** Each document's path at the gateway is this followed by the service's name. */
    static final String PATH = "/api/docs/";

    static final String ROUTE_PREFIX = "api-docs-";

    static final String SERVICES_DOCUMENT = "/v3/api-docs";

    static final Duration KEPT_FOR = Duration.ofSeconds(30);

    /**
     * A service builds its document on the first request after it starts, and keeps it: seconds, more than the API's
     * 10 s on a busy machine (seen with eight services starting on two cores).
     */
    static final Duration BUILT_WITHIN = Duration.ofSeconds(30);

    /** The service's headers that would keep a document from being shared, replaced by {@link #KEPT_FOR}. */
    private static final List<String> NOT_SHARED = List.of("cache-control", "pragma", "expires", "vary", "set-cookie");

    @Bean
    RouteLocator apiDescriptionRoutes(
            RouteLocatorBuilder routes,
            DownstreamServices services,
            ResilientCalls resilientCalls,
            SharedResponseCache responseCache) {
        RouteLocatorBuilder.Builder documents = routes.routes();
        services.byName()
                .forEach((service, uri) -> documents.route(ROUTE_PREFIX + service, route -> route.method(HttpMethod.GET)
                        .and()
                        .path(PATH + service)
                        .filters(filters -> resilientCalls.guard(
                                filters.setPath(SERVICES_DOCUMENT).filter(responseCache), service))
                        .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, BUILT_WITHIN.toMillis())
                        .uri(uri)));
        return documents.build();
    }

    /**
     * The documents' own caching headers, set as the service's answer is taken in, before the shared cache decides
     * whether to keep it. Services mark their documents {@code no-store} like every other answer of theirs; a
     * {@code Vary} or cookie would also keep the gateway from sharing a document that is the same for everyone.
     */
    @Bean
    HttpHeadersFilter apiDescriptionCaching() {
        return new HttpHeadersFilter() {

            @Override
            public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
                Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
                HttpStatusCode status = exchange.getResponse().getStatusCode();
                if (route == null
                        || !route.getId().startsWith(ROUTE_PREFIX)
                        || status == null
                        || status.value() != HttpStatus.OK.value()) {
                    return input;
                }
                HttpHeaders shared = new HttpHeaders();
                input.forEach((name, values) -> {
                    if (!NOT_SHARED.contains(name.toLowerCase(Locale.ROOT))) {
                        shared.addAll(name, values);
                    }
                });
                shared.setCacheControl("public, max-age=" + KEPT_FOR.toSeconds());
                return shared;
            }

            @Override
            public boolean supports(Type type) {
                return type == Type.RESPONSE;
            }
        };
    }
}
