package bookstore.platform.security;

import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;

/**
 * A service's own access rules, declared in one place as a bean. They are checked in bean order,
 * after the actuator rules and before the platform's defaults (everything under {@code /api}
 * needs an authenticated caller), so a service only states what differs: its public endpoints and
 * the ones that need a role.
 *
 * <pre>{@code
 * @Bean
 * AccessRules catalogAccess() {
 *     return exchanges -> exchanges
 *             .pathMatchers(HttpMethod.GET, "/api/books/**").permitAll()
 *             .pathMatchers("/api/books/**").hasRole("ADMIN");
 * }
 * }</pre>
 */
@FunctionalInterface
public interface AccessRules {

    void configure(AuthorizeExchangeSpec exchanges);
}
