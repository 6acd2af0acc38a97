package bookstore.order.erasure.messaging;

import bookstore.events.Topics;
import bookstore.events.user.AccountClosed;
import bookstore.events.user.UserEvent;
import bookstore.events.user.UserRegistered;
import bookstore.order.erasure.application.ErasingCustomers;
import bookstore.platform.messaging.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * What order-service learns from user-service: which accounts were closed, so their person is erased.
 * Through the inbox, which records each handled event in the erasure's transaction.
 */
@Configuration(proxyBeanMethods = false)
class AccountSubscription {

    @Bean
    EventSubscription<UserEvent> closedAccounts(ErasingCustomers erasing) {
        return EventSubscription.on(Topics.USER_EVENTS, "closed-accounts", event -> switch (event) {
            case AccountClosed closed -> erasing.accountClosed(closed.userId(), closed.occurredAt());
            // A new account has no orders yet.
            case UserRegistered registered -> Mono.empty();
        });
    }
}
