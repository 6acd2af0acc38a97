package bookstore.notification.mail.application;

import bookstore.events.user.ContactChanged;
import bookstore.events.user.ContactErased;
import bookstore.events.user.ContactEvent;
import bookstore.notification.directory.application.Directory;
import bookstore.notification.directory.application.KeepingTheDirectory;
import bookstore.platform.privacy.CustomerPseudonym;
import java.time.Clock;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Follows {@code users.contacts.v1}: keeps each account's contact, and when an account is closed forgets it and
 * erases the person from every mail recorded for them (address, name, the facts of their mails), in one transaction.
 */
@Service
public class KeepingContacts {

    private final KeepingTheDirectory keeping;
    private final Directory directory;
    private final Mails mails;
    private final CustomerPseudonym pseudonyms;
    private final Clock clock;

    KeepingContacts(
            KeepingTheDirectory keeping, Directory directory, Mails mails, CustomerPseudonym pseudonyms, Clock clock) {
        this.keeping = keeping;
        this.directory = directory;
        this.mails = mails;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    public Mono<Void> on(ContactEvent event) {
        return switch (event) {
            case ContactChanged changed -> keeping.on(changed);
            case ContactErased erased ->
                directory
                        .forget(erased.userId(), erased.occurredAt())
                        .then(mails.erase(erased.userId(), pseudonyms.of(erased.userId()), clock.instant()))
                        .then();
        };
    }
}
