package bookstore.catalog.erasure.messaging;

import bookstore.catalog.erasure.application.ErasingReaders;
import bookstore.events.Topics;
import bookstore.events.user.AccountClosed;
import bookstore.events.user.UserEvent;
import bookstore.events.user.UserRegistered;
import bookstore.platform.messaging.Delivered;
import bookstore.platform.messaging.EventSubscription;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the catalogue learns from user-service: which accounts were closed, so their readers are erased. The
 * catalogue's store is MongoDB, which has no inbox: the erasure is idempotent by state instead (a closed reader's
 * pseudonym is nowhere left to find), so a redelivered or replayed batch changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class AccountSubscription {

    @Bean
    EventSubscription<UserEvent> closedAccounts(ErasingReaders erasing) {
        return EventSubscription.onBatch(
                Topics.USER_EVENTS,
                "closed-accounts",
                batch -> erasing.accountsClosed(Delivered.events(batch).stream()
                        .flatMap(event -> (switch (event) {
                                    case AccountClosed closed -> Optional.of(closed.userId());
                                    // A new account has written nothing yet.
                                    case UserRegistered registered -> Optional.<String>empty();
                                })
                                .stream())
                        .toList()));
    }
}
