package bookstore.payment.reconciliation.web;

import bookstore.platform.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The reconciliation is for admins only. Checked before the service's other rules, which close
 * everything under {@code /api/payments} that they do not name; a customer's token answers 403.
 */
@Configuration(proxyBeanMethods = false)
class ReconciliationSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    AccessRules reconciliationAccess() {
        return exchanges -> exchanges
                .pathMatchers("/api/payments/reconciliation", "/api/payments/reconciliation/**")
                .hasRole("ADMIN");
    }
}
