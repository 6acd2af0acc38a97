package bookstore.gateway.security;

import bookstore.gateway.problem.GatewayProblem;
import bookstore.gateway.problem.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * The edge's security: everything a request must pass before it is routed. Today that is the request firewall; who
 * the caller is (JWT validation), how often they may call (rate limits) and from where (CORS) belong here as well, not
 * in the routes.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class EdgeSecurity {

    private static final Logger log = LoggerFactory.getLogger(EdgeSecurity.class);

    @Bean
    SecurityWebFilterChain edgeSecurityFilterChain(ServerHttpSecurity http) {
        return http
                // A stateless JSON API: no session, cookie or browser login for an attacker to ride on.
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                // Every service still checks who may do what; until the gateway validates tokens it lets all through.
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .build();
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
