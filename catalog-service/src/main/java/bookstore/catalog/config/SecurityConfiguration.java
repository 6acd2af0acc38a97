package bookstore.catalog.config;

import bookstore.platform.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may do what in the catalogue, in one place: anyone reads and searches, only admins change
 * books and list the whole catalogue (discontinued books included). Token validation is the
 * platform's ({@code bookstore.platform.security}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    AccessRules catalogAccess() {
        // First match wins: the admin listing before the open reads whose pattern also covers it.
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/api/books/catalogue")
                .hasRole("ADMIN")
                .pathMatchers(HttpMethod.GET, "/api/books", "/api/books/**")
                .permitAll()
                .pathMatchers("/api/books", "/api/books/**")
                .hasRole("ADMIN");
    }
}
