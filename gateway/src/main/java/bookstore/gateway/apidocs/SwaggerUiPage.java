package bookstore.gateway.apidocs;

import bookstore.gateway.security.EdgeFilters;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The Swagger UI over every service's API at {@code /api/docs}: springdoc serves its files under
 * {@code /api/docs/swagger-ui/} and its settings at {@code /api/docs/swagger-config} ({@code springdoc.*} in
 * application.yaml), with a selector of the documents the gateway proxies (routing's {@code ApiDescriptions}).
 *
 * <p>Its files get a content security policy of their own: the API's ({@code default-src 'none'}) would let the page
 * load nothing. This one allows what the UI needs from the gateway's own origin only: its scripts and stylesheets (it
 * has no inline script, one inline style element, allowed by its hash, and sets other styles through the DOM, which a
 * policy does not govern), its icons as {@code data:} images, and {@code connect-src 'self'} for fetching the documents and for "Try it out". Nothing
 * from elsewhere, no {@code eval}, never framed. Every other path keeps its policy.
 */
@Configuration(proxyBeanMethods = false)
class SwaggerUiPage {

    static final String PATH = "/api/docs";

    static final String FILES = "/api/docs/swagger-ui/";

    /**
     * The hash is of the one inline style Swagger UI has: the {@code <style>} element inside its logo's SVG (swagger-ui
     * 5.32.2, springdoc 3.0.3's); the browser test fails on any other the page would need.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; "
            + "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /** {@code /api/docs} itself shows the UI: springdoc's page lives one level down, beside its files. */
    @Bean
    RouterFunction<ServerResponse> apiDocsPage() {
        return RouterFunctions.route(RequestPredicates.GET(PATH), request -> ServerResponse.status(HttpStatus.FOUND)
                .location(URI.create(FILES + "index.html"))
                .build());
    }

    @Bean
    WebFilter swaggerUiContentSecurityPolicy() {
        return new SwaggerUiPolicy();
    }

    /** Sets the policy before anything answers: SecurityHeaders keeps a policy already there. */
    private static final class SwaggerUiPolicy implements WebFilter, Ordered {

        @Override
        public int getOrder() {
            return EdgeFilters.SECURITY_HEADERS + 1;
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            if (exchange.getRequest().getPath().pathWithinApplication().value().startsWith(FILES)) {
                exchange.getResponse().getHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            }
            return chain.filter(exchange);
        }
    }
}
