package bookstore.user.account.application;

import bookstore.events.Topics;
import bookstore.events.user.AccountClosed;
import bookstore.events.user.ContactChanged;
import bookstore.events.user.ContactErased;
import bookstore.events.user.EmailVerificationRequested;
import bookstore.events.user.PasswordChanged;
import bookstore.events.user.PasswordResetRequested;
import bookstore.events.user.UserRegistered;
import bookstore.platform.outbox.Outbox;
import bookstore.user.account.domain.Contact;
import bookstore.user.account.domain.OneTimeToken;
import bookstore.user.account.domain.UserAccount;
import java.time.Clock;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * What happens to accounts, as the integration events that report it, appended to the outbox in
 * the transaction of the change: the one place account facts become {@code users.*} events.
 */
public class AccountMessages {

    private final Outbox outbox;
    private final Clock clock;

    public AccountMessages(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public Mono<Void> registered(UserAccount account) {
        return outbox.append(
                        Topics.USER_EVENTS,
                        new UserRegistered(
                                UUID.randomUUID(),
                                account.createdAt(),
                                account.id().toString()))
                .then(contactChanged(account));
    }

    /** The account's contact as it is now replaces every earlier one on {@code users.contacts.v1}. */
    public Mono<Void> contactChanged(UserAccount account) {
        Contact contact = account.contact();
        return outbox.append(
                Topics.USER_CONTACTS,
                new ContactChanged(
                        UUID.randomUUID(),
                        clock.instant(),
                        account.id().toString(),
                        contact.email().value(),
                        contact.displayName(),
                        contact.language().tag()));
    }

    /** The account is gone: every service erases the person, and nobody may reach them any more. */
    public Mono<Void> closed(UUID userId, AccountClosed.ClosedBy by) {
        String id = userId.toString();
        return outbox.append(Topics.USER_EVENTS, new AccountClosed(UUID.randomUUID(), clock.instant(), id, by))
                .then(outbox.append(Topics.USER_CONTACTS, new ContactErased(UUID.randomUUID(), clock.instant(), id)));
    }

    /** The link to verify the address the token was issued for, which need not be the account's yet. */
    public Mono<Void> verificationRequested(UserAccount account, OneTimeToken.Issued issued, boolean welcome) {
        Contact to = account.contact().at(issued.token().email());
        return outbox.append(
                Topics.ACCOUNT_MAIL,
                new EmailVerificationRequested(
                        UUID.randomUUID(),
                        clock.instant(),
                        account.id().toString(),
                        to.email().value(),
                        to.displayName(),
                        to.language().tag(),
                        issued.value(),
                        issued.token().expiresAt(),
                        welcome));
    }

    public Mono<Void> resetRequested(UserAccount account, OneTimeToken.Issued issued) {
        Contact to = account.contact().at(issued.token().email());
        return outbox.append(
                Topics.ACCOUNT_MAIL,
                new PasswordResetRequested(
                        UUID.randomUUID(),
                        clock.instant(),
                        account.id().toString(),
                        to.email().value(),
                        to.displayName(),
                        to.language().tag(),
                        issued.value(),
                        issued.token().expiresAt()));
    }

    public Mono<Void> passwordChanged(UserAccount account, boolean byReset) {
        Contact to = account.contact();
        return outbox.append(
                Topics.ACCOUNT_MAIL,
                new PasswordChanged(
                        UUID.randomUUID(),
                        clock.instant(),
                        account.id().toString(),
                        to.email().value(),
                        to.displayName(),
                        to.language().tag(),
                        byReset));
    }
}
