package bookstore.inventory.config;

import bookstore.platform.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * Stock is an operator's tool: every inventory endpoint is for admins. Token checks, probes and
     * the problem answers for 401 and 403 come from the platform.
     */
    @Bean
    AccessRules inventoryAccess() {
        return exchanges ->
                exchanges.pathMatchers("/api/inventory", "/api/inventory/**").hasRole("ADMIN");
    }
}
