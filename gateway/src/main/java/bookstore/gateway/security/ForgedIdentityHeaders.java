package bookstore.gateway.security;

import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Drops every request header a client could use to pose as someone. Identity reaches the services only as the bearer
 * token, which they verify themselves; a header like {@code X-User-Id} arriving through the edge must never look as if
 * the edge had vouched for it — not to today's services and not to a library or sidecar added tomorrow that trusts
 * such headers (oauth2-proxy, ALB, IAP and API-gateway conventions included).
 */
@Component
class ForgedIdentityHeaders implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ForgedIdentityHeaders.class);

    // Matched case-insensitively against the start of each header name.
    private static final List<String> IDENTITY_HEADER_PREFIXES = List.of(
            "x-user",
            "x-auth",
            "x-role",
            "x-principal",
            "x-identity",
            "x-subject",
            "x-email",
            "x-groups",
            "x-scope",
            "x-permission",
            "x-tenant",
            "x-customer",
            "x-admin",
            "x-account",
            "x-consumer-",
            "x-credential",
            "x-jwt",
            "x-token",
            "x-access-token",
            "x-id-token",
            "x-remote-",
            "remote-user",
            "x-forwarded-user",
            "x-forwarded-email",
            "x-forwarded-preferred-username",
            "x-forwarded-groups",
            "x-forwarded-access-token",
            "x-amzn-oidc-",
            "x-goog-authenticated-",
            "x-goog-iap-",
            "x-ms-client-principal",
            "x-ssl-client",
            "x-client-cert",
            "x-client-verify",
            "x-client-dn",
            "ssl-client");

    @Override
    public int getOrder() {
        return EdgeFilters.FORGED_IDENTITY_HEADERS;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<String> forged = exchange.getRequest().getHeaders().headerNames().stream()
                .filter(ForgedIdentityHeaders::claimsIdentity)
                .toList();
        if (forged.isEmpty()) {
            return chain.filter(exchange);
        }
        log.debug(
                "Dropped identity headers {} from {}",
                forged,
                exchange.getRequest().getPath());
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(headers -> forged.forEach(headers::remove)))
                .build());
    }

    static boolean claimsIdentity(String headerName) {
        String name = headerName.toLowerCase(Locale.ROOT);
        return IDENTITY_HEADER_PREFIXES.stream().anyMatch(name::startsWith);
    }
}
