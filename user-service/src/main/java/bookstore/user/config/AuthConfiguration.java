package bookstore.user.config;

import bookstore.platform.security.ResourceServerProperties;
import bookstore.user.account.application.AccountMessages;
import bookstore.user.account.application.MailedTokens;
import bookstore.user.account.application.Passwords;
import bookstore.user.account.application.RequestQuotas;
import bookstore.user.account.application.UserAccounts;
import bookstore.user.account.domain.PasswordPolicy;
import bookstore.user.auth.application.AccessTokens;
import bookstore.user.auth.application.ChangingPassword;
import bookstore.user.auth.application.FailedLogins;
import bookstore.user.auth.application.LoggingIn;
import bookstore.user.auth.application.LoginThrottle;
import bookstore.user.auth.application.RefreshTokens;
import bookstore.user.auth.application.ResettingPassword;
import bookstore.user.auth.application.Sessions;
import bookstore.user.auth.domain.LoginBackOff;
import bookstore.user.auth.persistence.R2dbcFailedLogins;
import bookstore.user.auth.persistence.R2dbcRefreshTokens;
import bookstore.user.auth.web.ClientAddresses;
import bookstore.user.auth.web.SessionCookies;
import bookstore.user.keys.JwtAccessTokens;
import bookstore.user.keys.SigningKeys;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

@Configuration(proxyBeanMethods = false)
class AuthConfiguration {

    @Bean
    AccessTokens accessTokens(
            SigningKeys keys, ResourceServerProperties contract, IdentityProperties properties, Clock clock) {
        return new JwtAccessTokens(keys, contract, properties.accessTokenLifetime(), clock);
    }

    @Bean
    RefreshTokens refreshTokens(DatabaseClient database) {
        return new R2dbcRefreshTokens(database);
    }

    @Bean
    Sessions sessions(
            RefreshTokens refreshTokens,
            UserAccounts accounts,
            AccessTokens accessTokens,
            TransactionalOperator transactions,
            Clock clock,
            IdentityProperties properties) {
        return new Sessions(
                refreshTokens, accounts, accessTokens, transactions, clock, properties.refreshTokenLifetime());
    }

    @Bean
    FailedLogins failedLogins(DatabaseClient database) {
        return new R2dbcFailedLogins(database);
    }

    @Bean
    LoginThrottle loginThrottle(FailedLogins failedLogins, IdentityProperties properties, Clock clock) {
        IdentityProperties.LoginThrottle throttle = properties.loginThrottle();
        return new LoginThrottle(
                failedLogins,
                new LoginBackOff(throttle.accountFreeFailures(), throttle.firstWait(), throttle.longestWait()),
                new LoginBackOff(throttle.addressFreeFailures(), throttle.firstWait(), throttle.longestWait()),
                throttle.memory(),
                clock);
    }

    @Bean
    ClientAddresses clientAddresses(IdentityProperties properties) {
        return new ClientAddresses(properties.trustedProxies());
    }

    /** The browser session's cookies live exactly as long as the refresh token they carry. */
    @Bean
    SessionCookies sessionCookies(IdentityProperties properties) {
        return new SessionCookies(properties.refreshTokenLifetime());
    }

    @Bean
    ChangingPassword changingPassword(
            UserAccounts accounts,
            PasswordPolicy policy,
            Passwords passwords,
            Sessions sessions,
            AccountMessages messages,
            TransactionalOperator transactions) {
        return new ChangingPassword(accounts, policy, passwords, sessions, messages, transactions);
    }

    @Bean
    ResettingPassword resettingPassword(
            UserAccounts accounts,
            PasswordPolicy policy,
            Passwords passwords,
            MailedTokens mailedTokens,
            AccountMessages messages,
            Sessions sessions,
            LoginThrottle throttle,
            RequestQuotas quotas,
            IdentityProperties properties,
            TransactionalOperator transactions) {
        IdentityProperties.MailRequests limits = properties.mailRequests();
        return new ResettingPassword(
                accounts,
                policy,
                passwords,
                mailedTokens,
                messages,
                sessions,
                throttle,
                quotas,
                new RequestQuotas.Quota("resets-per-address", limits.resetsPerAddress(), limits.window()),
                new RequestQuotas.Quota("resets-per-client", limits.resetsPerClient(), limits.window()),
                transactions);
    }

    @Bean
    LoggingIn loggingIn(UserAccounts accounts, Passwords passwords, LoginThrottle throttle, Sessions sessions) {
        return new LoggingIn(accounts, passwords, throttle, sessions);
    }
}
