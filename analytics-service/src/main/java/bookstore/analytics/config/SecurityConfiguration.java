package bookstore.analytics.config;

import bookstore.platform.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * Analytics is for staff: every endpoint is for admins, the ones instances ask each other included (they pass on
     * the caller's token). Token checks, probes and the problem answers for 401 and 403 come from the platform.
     */
    @Bean
    AccessRules analyticsAccess() {
        return exchanges ->
                exchanges.pathMatchers("/api/analytics", "/api/analytics/**").hasRole("ADMIN");
    }
}
