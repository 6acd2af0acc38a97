package bookstore.events.user;

import bookstore.events.IntegrationEvent;

/** What the user service says about accounts, on {@code users.events.v1}, keyed by user id. */
public sealed interface UserEvent extends IntegrationEvent permits UserRegistered, AccountClosed {

    /** The account's opaque id; never an email address or other personal data. */
    String userId();

    @Override
    default String aggregateId() {
        return userId();
    }
}
