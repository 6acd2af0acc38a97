package bookstore.user.config;

import bookstore.platform.outbox.Outbox;
import bookstore.user.account.application.AccountMessages;
import bookstore.user.account.application.AccountSessions;
import bookstore.user.account.application.AdministeringUsers;
import bookstore.user.account.application.BootstrappingAdmin;
import bookstore.user.account.application.ClosingAccount;
import bookstore.user.account.application.MailedTokens;
import bookstore.user.account.application.ManagingProfile;
import bookstore.user.account.application.OneTimeTokens;
import bookstore.user.account.application.Passwords;
import bookstore.user.account.application.RegisteringCustomer;
import bookstore.user.account.application.RequestQuotas;
import bookstore.user.account.application.UserAccounts;
import bookstore.user.account.application.VerifyingEmail;
import bookstore.user.account.domain.PasswordPolicy;
import bookstore.user.account.persistence.R2dbcOneTimeTokens;
import bookstore.user.account.persistence.R2dbcRequestCounters;
import bookstore.user.account.persistence.R2dbcUserAccounts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class AccountsConfiguration {

    private static final String ARGON2 = "argon2@SpringSecurity_v5_8";

    /**
     * Argon2id with Spring Security's current parameters (OWASP's minimum: 19 MiB, 2 passes). Hashes
     * carry the encoder's id, so stronger settings later can be told apart from today's and hashes
     * are upgraded at the next login.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(
                ARGON2, Map.of(ARGON2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }

    @Bean
    Passwords passwords(PasswordEncoder encoder) {
        return new Passwords(encoder);
    }

    @Bean
    PasswordPolicy passwordPolicy(IdentityProperties properties) {
        return new PasswordPolicy(properties.passwordMinLength(), commonPasswords());
    }

    @Bean
    UserAccounts userAccounts(DatabaseClient database, JsonMapper json) {
        return new R2dbcUserAccounts(database, json);
    }

    @Bean
    AccountMessages accountMessages(Outbox outbox, Clock clock) {
        return new AccountMessages(outbox, clock);
    }

    @Bean
    OneTimeTokens oneTimeTokens(DatabaseClient database) {
        return new R2dbcOneTimeTokens(database);
    }

    @Bean
    MailedTokens mailedTokens(
            OneTimeTokens tokens, AccountMessages messages, Clock clock, IdentityProperties properties) {
        return new MailedTokens(
                tokens, messages, clock, properties.verificationTokenLifetime(), properties.resetTokenLifetime());
    }

    @Bean
    RequestQuotas requestQuotas(DatabaseClient database, Clock clock) {
        return new RequestQuotas(new R2dbcRequestCounters(database), clock);
    }

    @Bean
    RegisteringCustomer registeringCustomer(
            UserAccounts accounts,
            PasswordPolicy policy,
            Passwords passwords,
            AccountMessages messages,
            MailedTokens mailedTokens,
            TransactionalOperator transactions,
            Clock clock) {
        return new RegisteringCustomer(accounts, policy, passwords, messages, mailedTokens, transactions, clock);
    }

    @Bean
    ManagingProfile managingProfile(
            UserAccounts accounts, AccountMessages messages, TransactionalOperator transactions) {
        return new ManagingProfile(accounts, messages, transactions);
    }

    @Bean
    VerifyingEmail verifyingEmail(
            UserAccounts accounts,
            Passwords passwords,
            MailedTokens mailedTokens,
            AccountMessages messages,
            RequestQuotas quotas,
            IdentityProperties properties,
            TransactionalOperator transactions) {
        IdentityProperties.MailRequests limits = properties.mailRequests();
        return new VerifyingEmail(
                accounts,
                passwords,
                mailedTokens,
                messages,
                quotas,
                new RequestQuotas.Quota("verifications-per-account", limits.verificationsPerAccount(), limits.window()),
                transactions);
    }

    @Bean
    ClosingAccount closingAccount(
            UserAccounts accounts, Passwords passwords, AccountMessages messages, TransactionalOperator transactions) {
        return new ClosingAccount(accounts, passwords, messages, transactions);
    }

    @Bean
    AdministeringUsers administeringUsers(
            UserAccounts accounts, AccountSessions sessions, TransactionalOperator transactions) {
        return new AdministeringUsers(accounts, sessions, transactions);
    }

    @Bean
    BootstrappingAdmin bootstrappingAdmin(
            UserAccounts accounts,
            PasswordPolicy policy,
            Passwords passwords,
            TransactionalOperator transactions,
            Clock clock) {
        return new BootstrappingAdmin(accounts, policy, passwords, transactions, clock);
    }

    @Bean
    AdminBootstrap adminBootstrap(BootstrappingAdmin bootstrapping, IdentityProperties properties) {
        return new AdminBootstrap(bootstrapping, properties.admin());
    }

    private static Set<String> commonPasswords() {
        try (InputStream in = new ClassPathResource("common-passwords.txt").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read common-passwords.txt", e);
        }
    }
}
