package bookstore.events.user;

import bookstore.events.IntegrationEvent;

/**
 * Mail about the account itself that user-service asks to be sent, on {@code users.mail.v1}, keyed by user id and kept
 * for a day. Each message is self-contained (address, name, language) because it may go to an address the account
 * does not have yet; some carry a one-time token, which is why the topic forgets them after a day.
 */
public sealed interface AccountMailEvent extends IntegrationEvent
        permits EmailVerificationRequested, PasswordResetRequested, PasswordChanged {

    String userId();

    /** Where the mail goes. */
    String email();

    String displayName();

    /** {@code zh-CN} or {@code en}. */
    String language();

    @Override
    default String aggregateId() {
        return userId();
    }
}
