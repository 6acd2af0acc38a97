package bookstore.gateway.security;

import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.security.web.server.header.CacheControlServerHttpHeadersWriter;
import org.springframework.security.web.server.header.CompositeServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ContentSecurityPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ContentTypeOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.security.web.server.header.StaticServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The browser-facing security headers, on every response: the services' answers, the gateway's own problems, and the
 * refusals of the firewall, rate limits and CORS, which are answered before Spring Security's chain would add any.
 *
 * <p>The API serves JSON only, so its content security policy allows nothing to load or frame it. A header already
 * set is kept: the storefront's pages set a policy of their own ({@code bookstore.gateway.storefront.*}), its files
 * their own {@code Cache-Control}, and a service may too. The {@code no-store} default writes none of its three
 * headers ({@code Cache-Control}, {@code Pragma}, {@code Expires}) when one is there, nor any on a 304.
 * Strict-Transport-Security goes only on responses to clients that came over TLS (directly or through a trusted proxy
 * that terminated it): on plain HTTP browsers ignore it, and locally it would pin {@code localhost} to HTTPS.
 */
@Component
class SecurityHeaders implements WebFilter, Ordered {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    private static final Duration HSTS_MAX_AGE = Duration.ofDays(365);

    private final ClientConnections connections;

    private final ServerHttpHeadersWriter everyResponse = new CompositeServerHttpHeadersWriter(
            new ContentTypeOptionsServerHttpHeadersWriter(),
            frameOptionsDeny(),
            contentSecurityPolicy(),
            noReferrer(),
            // no-store unless the service (or the storefront) chose otherwise: responses carry personal data and
            // bearer-token answers
            new CacheControlServerHttpHeadersWriter());

    private final ServerHttpHeadersWriter tlsOnly = StaticServerHttpHeadersWriter.builder()
            .header("Strict-Transport-Security", "max-age=" + HSTS_MAX_AGE.toSeconds() + " ; includeSubDomains")
            .build();

    SecurityHeaders(ClientConnections connections) {
        this.connections = connections;
    }

    @Override
    public int getOrder() {
        return EdgeFilters.SECURITY_HEADERS;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // At commit time, after whatever wrote the response (a service, a problem) has set its own headers.
        exchange.getResponse().beforeCommit(() -> everyResponse
                .writeHttpHeaders(exchange)
                .then(connections.usedTls(exchange.getRequest()) ? tlsOnly.writeHttpHeaders(exchange) : Mono.empty()));
        return chain.filter(exchange);
    }

    private static ServerHttpHeadersWriter frameOptionsDeny() {
        XFrameOptionsServerHttpHeadersWriter frameOptions = new XFrameOptionsServerHttpHeadersWriter();
        frameOptions.setMode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY);
        return frameOptions;
    }

    private static ServerHttpHeadersWriter contentSecurityPolicy() {
        ContentSecurityPolicyServerHttpHeadersWriter policy = new ContentSecurityPolicyServerHttpHeadersWriter();
        policy.setPolicyDirectives(CONTENT_SECURITY_POLICY);
        return policy;
    }

    private static ServerHttpHeadersWriter noReferrer() {
        ReferrerPolicyServerHttpHeadersWriter referrerPolicy = new ReferrerPolicyServerHttpHeadersWriter();
        referrerPolicy.setPolicy(ReferrerPolicy.NO_REFERRER);
        return referrerPolicy;
    }
}
