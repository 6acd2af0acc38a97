package bookstore.events.user;

import bookstore.events.IntegrationEvent;

/**
 * How to reach an account's person, on {@code users.contacts.v1}: personal data, keyed by user id, compacted to the
 * latest record per account and read only by the services that write to people (notification-service).
 */
public sealed interface ContactEvent extends IntegrationEvent permits ContactChanged, ContactErased {

    /** The account's opaque id. */
    String userId();

    @Override
    default String aggregateId() {
        return userId();
    }
}
