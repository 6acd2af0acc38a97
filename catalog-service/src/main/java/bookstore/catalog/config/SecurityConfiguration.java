package bookstore.catalog.config;

import bookstore.platform.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may do what in the catalogue, in one place: anyone reads and searches, only admins change
 * books and list the whole catalogue (discontinued books included). Reviews: anyone reads them,
 * signed-in customers write, edit, delete and vote (whose review it is, and whether they bought
 * the book, the review use cases decide), only admins hide and show them. Recommendations: anyone reads a book's (a
 * token, if sent, leaves out what its customer bought), a signed-in customer their own. Token validation is the
 * platform's ({@code bookstore.platform.security}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    AccessRules catalogAccess() {
        // First match wins: the admin listing and the caller's own standing before the open reads whose pattern also
        // covers them; moderation before the rest of the review routes.
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/api/books/catalogue")
                .hasRole("ADMIN")
                .pathMatchers(HttpMethod.GET, "/api/books/*/reviews/mine")
                .authenticated()
                .pathMatchers(HttpMethod.GET, "/api/recommendations/me")
                .authenticated()
                .pathMatchers(HttpMethod.GET, "/api/books", "/api/books/**")
                .permitAll()
                .pathMatchers(HttpMethod.POST, "/api/books/*/reviews/*/hide", "/api/books/*/reviews/*/unhide")
                .hasRole("ADMIN")
                .pathMatchers("/api/books/*/reviews", "/api/books/*/reviews/**")
                .authenticated()
                .pathMatchers("/api/books", "/api/books/**")
                .hasRole("ADMIN");
    }
}
