package bookstore.payment.config;

import bookstore.platform.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call what, in one place: customers and admins read payments (which payments are a
 * customer's own is the application's business); providers post webhooks without a token, because
 * a webhook's signature is what proves who sent it. Nothing else under {@code /api/payments} exists
 * for callers: payments are made and refunded by the order saga only. Token validation is the
 * platform's ({@code bookstore.platform.security}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    AccessRules paymentAccess() {
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.POST, "/api/payments/webhooks/*")
                .permitAll()
                .pathMatchers(HttpMethod.GET, "/api/payments", "/api/payments/*")
                .hasAnyRole("CUSTOMER", "ADMIN")
                .pathMatchers("/api/payments", "/api/payments/**")
                .denyAll();
    }
}
