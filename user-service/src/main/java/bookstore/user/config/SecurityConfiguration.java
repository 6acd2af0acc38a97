package bookstore.user.config;

import bookstore.platform.security.AccessRules;
import bookstore.user.account.application.MailedTokens;
import bookstore.user.account.application.RequestQuotas;
import bookstore.user.auth.application.LoginThrottle;
import bookstore.user.keys.SigningKeys;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SecurityConfiguration {

    /**
     * Who may call what. Signing up, logging in, refreshing, logging out, the public keys, asking for
     * and using a password reset link and opening a verification link need no access token (the
     * links' tokens are the proof); "me" is any authenticated caller; everything else about accounts
     * is for admins.
     * The browser session proves itself with its cookie and a CSRF header instead, checked by its
     * controller: logging out in particular must work after the access token expired.
     */
    @Bean
    AccessRules userServiceAccess() {
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.POST, "/api/users", "/api/auth/token", "/api/auth/refresh", "/api/auth/logout")
                .permitAll()
                .pathMatchers(HttpMethod.POST, "/api/auth/session", "/api/auth/session/refresh")
                .permitAll()
                .pathMatchers(
                        HttpMethod.POST,
                        "/api/users/email-verification",
                        "/api/auth/password-reset",
                        "/api/auth/password-reset/confirm")
                .permitAll()
                .pathMatchers(HttpMethod.DELETE, "/api/auth/session")
                .permitAll()
                .pathMatchers(HttpMethod.GET, "/api/auth/jwks")
                .permitAll()
                .pathMatchers("/api/users/me", "/api/users/me/**")
                .authenticated()
                .pathMatchers("/api/users", "/api/users/**")
                .hasRole("ADMIN");
    }

    /** Token lifetimes, refresh-token expiry and login back-off all read the time from here. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Housekeeping housekeeping(
            SigningKeys keys, LoginThrottle throttle, MailedTokens mailedTokens, RequestQuotas quotas) {
        return new Housekeeping(keys, throttle, mailedTokens, quotas);
    }
}
