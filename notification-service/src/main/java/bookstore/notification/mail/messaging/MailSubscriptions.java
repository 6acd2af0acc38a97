package bookstore.notification.mail.messaging;

import bookstore.events.Topics;
import bookstore.notification.mail.application.KeepingContacts;
import bookstore.notification.mail.application.RecordingMail;
import bookstore.platform.messaging.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The topics that call for mail. Each is deduplicated by the platform's inbox: the event id is marked handled in the
 * same transaction that records the event's mail (itself unique per event and kind), so a redelivered batch or a
 * replayed topic records, and sends, nothing again.
 */
@Configuration(proxyBeanMethods = false)
class MailSubscriptions {

    /** Contacts, and their erasure; the contact topic is compacted, so a replay brings each account's latest. */
    @Bean
    EventSubscription<?> contacts(KeepingContacts contacts) {
        return EventSubscription.on(Topics.USER_CONTACTS, "contacts", contacts::on);
    }

    @Bean
    EventSubscription<?> accountMail(RecordingMail recording) {
        return EventSubscription.on(Topics.ACCOUNT_MAIL, "account-mail", recording::on);
    }

    @Bean
    EventSubscription<?> orderMail(RecordingMail recording) {
        return EventSubscription.on(Topics.ORDER_EVENTS, "order-mail", recording::on);
    }

    @Bean
    EventSubscription<?> stockAlerts(RecordingMail recording) {
        return EventSubscription.on(Topics.INVENTORY_STOCK, "stock-alerts", recording::on);
    }
}
