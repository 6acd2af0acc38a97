package bookstore.notification.config;

import bookstore.platform.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * The record of mails names people and their addresses: admins only. Token checks, probes and the problem answers
     * for 401 and 403 come from the platform.
     */
    @Bean
    AccessRules notificationAccess() {
        return exchanges -> exchanges
                .pathMatchers("/api/notifications", "/api/notifications/**")
                .hasRole("ADMIN");
    }
}
