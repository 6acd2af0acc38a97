package bookstore.order.config;

import bookstore.platform.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call what, in one place: signed-in customers use their cart and orders (which orders are
 * theirs is the application's business), only admins ship and deliver; carriers post tracking
 * callbacks without a token, because the callback's signature is what proves who sent it. Token
 * validation is the platform's ({@code bookstore.platform.security}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    AccessRules orderAccess() {
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.POST, "/api/shipping/callbacks/*")
                .permitAll()
                .pathMatchers(
                        HttpMethod.POST,
                        "/api/orders/*/ship",
                        "/api/orders/*/deliver",
                        "/api/orders/*/returns/*/approve",
                        "/api/orders/*/returns/*/reject",
                        "/api/orders/*/returns/*/receive",
                        "/api/orders/*/refunds")
                .hasRole("ADMIN")
                .pathMatchers(HttpMethod.GET, "/api/orders/customers/*/pseudonym")
                .hasRole("ADMIN")
                .pathMatchers("/api/cart", "/api/cart/**", "/api/orders", "/api/orders/**")
                .hasAnyRole("CUSTOMER", "ADMIN");
    }
}
