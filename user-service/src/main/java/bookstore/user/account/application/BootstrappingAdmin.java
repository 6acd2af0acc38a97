package bookstore.user.account.application;

import bookstore.user.account.domain.EmailAddress;
import bookstore.user.account.domain.PasswordPolicy;
import bookstore.user.account.domain.Role;
import bookstore.user.account.domain.UserAccount;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Makes sure the operator's administrator account exists, once: it is created with the configured
 * password if there is no account for the address, and otherwise only given the admin role; its
 * password is never reset from configuration. An existing account is promoted only when its owner
 * verified the address: anyone can register any address, so an unverified one proves nothing, and
 * the account is left as it is with a warning for the operator. Safe to run on every start of
 * every replica.
 */
public class BootstrappingAdmin {

    private static final Logger log = LoggerFactory.getLogger(BootstrappingAdmin.class);

    private final UserAccounts accounts;
    private final PasswordPolicy policy;
    private final Passwords passwords;
    private final TransactionalOperator transactions;
    private final Clock clock;

    public BootstrappingAdmin(
            UserAccounts accounts,
            PasswordPolicy policy,
            Passwords passwords,
            TransactionalOperator transactions,
            Clock clock) {
        this.accounts = accounts;
        this.policy = policy;
        this.passwords = passwords;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The administrator account; empty when an unverified account holds the address. */
    public Mono<UserAccount> ensureAdmin(EmailAddress email, String password) {
        return accounts.byEmail(email)
                .flatMap(this::grantAdmin)
                .switchIfEmpty(Mono.defer(() -> create(email, password)));
    }

    private Mono<UserAccount> create(EmailAddress email, String password) {
        try {
            policy.check(password, email);
        } catch (RuntimeException weak) {
            return Mono.error(new IllegalStateException(
                    "BOOKSTORE_ADMIN_PASSWORD is refused by the password policy: " + weak.getMessage()));
        }
        return passwords.hash(password).flatMap(hash -> {
            UserAccount admin = UserAccount.bootstrapAdmin(UUID.randomUUID(), email, hash, clock.instant());
            return transactions.transactional(accounts.add(admin)).flatMap(added -> {
                if (added) {
                    log.info("Created the administrator account {}", admin.id());
                    return Mono.just(admin);
                }
                // Another replica created it a moment ago.
                return accounts.byEmail(email).flatMap(this::grantAdmin);
            });
        });
    }

    private Mono<UserAccount> grantAdmin(UserAccount account) {
        if (account.isAdmin()) {
            return Mono.just(account);
        }
        if (!account.emailVerified()) {
            log.warn(
                    "BOOKSTORE_ADMIN_EMAIL names account {}, whose owner has not verified the address: nobody was"
                            + " made administrator. Verify the address (or let an administrator grant the role), or"
                            + " configure another address.",
                    account.id());
            return Mono.empty();
        }
        account.grant(Role.ADMIN);
        log.info("Granted the admin role to the configured administrator account {}", account.id());
        return transactions.transactional(accounts.update(account)).then(accounts.byId(account.id()));
    }
}
