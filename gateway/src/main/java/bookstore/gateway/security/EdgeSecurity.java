package bookstore.gateway.security;

import bookstore.gateway.problem.GatewayProblem;
import bookstore.gateway.problem.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtGrantedAuthoritiesConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import reactor.core.publisher.Mono;

/**
 * Who may call what, checked before a request is routed. Every bearer token is verified here (a present but invalid
 * token is refused even on a public route, as the services do), only the routes that must be open are open, and the
 * admin-only parts of the API are refused to everyone else. The services check all of it again: the edge keeps the
 * obvious out, it is not the only guard.
 *
 * <p>The rest of the edge's protection sits in its own filters around this chain, in the order {@link EdgeFilters}
 * gives: security headers, CORS, per-client rate limits, body size, forged identity headers, then this chain, then
 * the per-user rate limit.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class EdgeSecurity {

    private static final Logger log = LoggerFactory.getLogger(EdgeSecurity.class);

    private static final String ROLES_CLAIM = "roles";

    private static final String ADMIN = "ADMIN";

    @Bean
    SecurityWebFilterChain edgeSecurityFilterChain(
            ServerHttpSecurity http, ReactiveJwtDecoder accessTokens, SecurityProblems problems) {
        return http
                // The edge keeps no session. The one cookie the shop sets, user-service's browser session on
                // /api/auth/session, passes through untouched and is defended there (a custom header, SameSite=Strict);
                // CrossOriginRequests refuses foreign origins before it.
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                // SecurityHeaders writes them, also on responses given before this chain runs.
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(EdgeSecurity::accessRules)
                .oauth2ResourceServer(server -> server.jwt(
                                jwt -> jwt.jwtDecoder(accessTokens).jwtAuthenticationConverter(rolesAsAuthorities()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    /** First match wins. */
    private static void accessRules(AuthorizeExchangeSpec exchanges) {
        exchanges
                // The admin's listing of the whole catalogue, discontinued books included: before the open GETs of
                // /api/books/**, which would otherwise catch it.
                .pathMatchers("/api/books/catalogue", "/api/books/catalogue/**")
                .hasRole(ADMIN)
                // A reader's own standing with a book (may they review it, their review): a GET, but nobody's without
                // a token.
                .pathMatchers(HttpMethod.GET, "/api/books/*/reviews/mine")
                .authenticated()
                // Browsing the catalogue (and reading reviews), signing up and in, the keys that verify tokens, payment
                // providers' webhooks (which carry their own signature).
                .pathMatchers(HttpMethod.GET, "/api/books", "/api/books/**", "/api/auth/jwks")
                .permitAll()
                // The API's description: the Swagger UI, its settings and every service's OpenAPI document. What "Try
                // it out" then calls meets the rules of the route it calls.
                .pathMatchers(HttpMethod.GET, "/api/docs", "/api/docs/**")
                .permitAll()
                .pathMatchers(
                        HttpMethod.POST,
                        "/api/users",
                        "/api/auth/token",
                        "/api/auth/refresh",
                        "/api/auth/logout",
                        "/api/auth/session",
                        "/api/auth/session/refresh",
                        // Asking for a password reset link and using it, and opening an address's verification link:
                        // the links' one-time tokens are the proof, and the person has no session (yet, or any more).
                        "/api/auth/password-reset",
                        "/api/auth/password-reset/confirm",
                        "/api/users/email-verification",
                        "/api/payments/webhooks/**",
                        // Carriers' tracking pushes, which carry their own signature (Kuaidi100's sign).
                        "/api/shipping/callbacks/*")
                .permitAll()
                // The payment sandbox's "scan to pay" page and its forms, and the sandbox wallets' own gateways: the
                // person paying is not the shop's caller, and what the wallets receive carries its own signature.
                // Only the sandbox serves these paths; with real providers payment-service answers them 404. The page
                // sets its own content security policy, which SecurityHeaders keeps.
                .pathMatchers(HttpMethod.GET, "/api/payments/sandbox/**")
                .permitAll()
                .pathMatchers(HttpMethod.POST, "/api/payments/sandbox/**")
                .permitAll()
                // The browser session's logout: its HttpOnly cookie, not a token, says whose session ends.
                .pathMatchers(HttpMethod.DELETE, "/api/auth/session")
                .permitAll()
                // Admin-only: stock, analytics, what was mailed to whom, dead letters, user administration, catalogue
                // management.
                .pathMatchers("/api/inventory", "/api/inventory/**")
                .hasRole(ADMIN)
                .pathMatchers("/api/analytics", "/api/analytics/**")
                .hasRole(ADMIN)
                .pathMatchers("/api/notifications", "/api/notifications/**")
                .hasRole(ADMIN)
                // Records a service's consumers gave up on: listed, inspected and re-driven by operators (ADR 20).
                .pathMatchers("/api/dead-letters", "/api/dead-letters/**")
                .hasRole(ADMIN)
                .pathMatchers("/api/users/me", "/api/users/me/**")
                .authenticated()
                .pathMatchers("/api/users", "/api/users/**")
                .hasRole(ADMIN)
                .pathMatchers(HttpMethod.POST, "/api/books")
                .hasRole(ADMIN)
                .pathMatchers(HttpMethod.PUT, "/api/books/{id}")
                .hasRole(ADMIN)
                .pathMatchers(HttpMethod.PATCH, "/api/books/{id}")
                .hasRole(ADMIN)
                .pathMatchers(HttpMethod.DELETE, "/api/books/{id}")
                .hasRole(ADMIN)
                // Review moderation. Writing, editing, deleting and voting on reviews needs only a token (below): whose
                // review it is and whether they bought the book, the catalogue decides.
                .pathMatchers(HttpMethod.POST, "/api/books/{id}/reviews/{reviewId}/hide")
                .hasRole(ADMIN)
                .pathMatchers(HttpMethod.POST, "/api/books/{id}/reviews/{reviewId}/unhide")
                .hasRole(ADMIN)
                // Everything else of the API needs a valid token; what a caller may do there, the service decides.
                .pathMatchers("/api", "/api/**")
                .authenticated()
                // Not part of the API: the storefront's pages and files, open to everyone, and otherwise nothing
                // (a 404).
                .anyExchange()
                .permitAll();
    }

    private static Converter<Jwt, Mono<AbstractAuthenticationToken>> rolesAsAuthorities() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(ROLES_CLAIM);
        roles.setAuthorityPrefix("ROLE_");
        ReactiveJwtAuthenticationConverter converter = new ReactiveJwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new ReactiveJwtGrantedAuthoritiesConverterAdapter(roles));
        return converter;
    }

    /**
     * Rejects paths that could mean one thing to the gateway and another to a service — {@code ..} segments, encoded
     * dots, slashes, backslashes or percent signs, semicolons — so that {@code /api/books/../actuator} can never reach
     * a service's actuator.
     */
    @Bean
    ServerWebExchangeFirewall requestFirewall() {
        return new StrictServerWebExchangeFirewall();
    }

    @Bean
    ServerExchangeRejectedHandler rejectedRequests(ProblemResponses problems) {
        return (exchange, rejection) -> {
            log.info("Rejected {} request: {}", exchange.getRequest().getMethod(), rejection.getMessage());
            // The detail stays generic: echoing what was found would teach a prober which trick was spotted.
            return problems.write(
                    exchange,
                    GatewayProblem.REQUEST_REJECTED.withDetail(
                            "The request URL or headers are not in an accepted form."));
        };
    }
}
