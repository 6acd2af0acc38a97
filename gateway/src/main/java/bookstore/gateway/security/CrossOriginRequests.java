package bookstore.gateway.security;

import bookstore.gateway.problem.GatewayProblem;
import bookstore.gateway.problem.ProblemResponses;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Cross-origin requests: the edge answers them for the whole API, so the services never see a preflight. From an
 * allowed origin a preflight is answered here and the actual request goes on with the CORS headers that let the page
 * read the answer; from any other origin both are refused with a problem, and nothing reaches a service.
 *
 * <p>Credentials are not allowed: the API authenticates with a bearer token the page itself puts in the
 * {@code Authorization} header, never with cookies, so there is nothing a browser would have to attach on its own.
 */
@Component
@EnableConfigurationProperties(CrossOriginProperties.class)
class CrossOriginRequests implements WebFilter, Ordered {

    private final CorsConfiguration configuration;
    private final CorsProcessor processor = new DefaultCorsProcessor();
    private final ProblemResponses problems;

    CrossOriginRequests(CrossOriginProperties properties, ProblemResponses problems) {
        this.configuration = configurationFor(properties.allowedOrigins());
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return EdgeFilters.CROSS_ORIGIN;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // Also for same-origin requests: the processor marks every response as varying by Origin, so no cache hands
        // one origin's answer to another.
        if (!processor.process(configuration, exchange)) {
            return problems.write(
                    exchange,
                    GatewayProblem.CROSS_ORIGIN_REFUSED.withDetail(
                            "Cross-origin requests from this origin are not allowed."));
        }
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            return Mono.empty();
        }
        return chain.filter(exchange);
    }

    private static CorsConfiguration configurationFor(List<String> allowedOrigins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(allowedOrigins);
        cors.setAllowedMethods(List.of(
                HttpMethod.GET.name(),
                HttpMethod.HEAD.name(),
                HttpMethod.POST.name(),
                HttpMethod.PUT.name(),
                HttpMethod.PATCH.name(),
                HttpMethod.DELETE.name()));
        cors.setAllowedHeaders(List.of(
                HttpHeaders.AUTHORIZATION,
                HttpHeaders.CONTENT_TYPE,
                HttpHeaders.IF_MATCH,
                HttpHeaders.IF_NONE_MATCH,
                "Idempotency-Key",
                "X-Request-Id",
                "traceparent",
                "tracestate"));
        cors.setExposedHeaders(List.of(
                HttpHeaders.LOCATION,
                HttpHeaders.ETAG,
                HttpHeaders.RETRY_AFTER,
                HttpHeaders.WWW_AUTHENTICATE,
                "X-Request-Id"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        return cors;
    }
}
