package bookstore.platform.outbox;

import bookstore.platform.inbox.Inbox;
import bookstore.platform.inbox.InboxPurge;
import bookstore.platform.messaging.EventCodec;
import bookstore.platform.messaging.EventPublisher;
import bookstore.platform.messaging.MessagingAutoConfiguration;
import bookstore.platform.messaging.ProcessedEvents;
import bookstore.platform.observability.CurrentTrace;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** The transactional outbox and inbox, for services whose state lives in PostgreSQL. */
@AutoConfiguration(
        after = {R2dbcAutoConfiguration.class, TransactionAutoConfiguration.class, MessagingAutoConfiguration.class})
@ConditionalOnClass(ConnectionFactory.class)
@ConditionalOnBean(ConnectionFactory.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    OutboxRelay outboxRelay(ConnectionFactory connections, EventPublisher publisher, OutboxProperties properties) {
        return new OutboxRelay(connections, publisher, properties);
    }

    @Bean
    Outbox outbox(DatabaseClient database, EventCodec codec, OutboxRelay relay, CurrentTrace trace) {
        return new Outbox(database, codec, relay, trace);
    }

    @Bean
    OutboxBacklog outboxBacklog(DatabaseClient database) {
        // Shorter than any scrape interval: the two gauges of one scrape share a statement, scrapes do not.
        return new OutboxBacklog(database, Duration.ofSeconds(1));
    }

    @Bean
    @ConditionalOnMissingBean(ProcessedEvents.class)
    Inbox inbox(DatabaseClient database, TransactionalOperator transactions) {
        return new Inbox(database, transactions);
    }

    @Bean
    @ConditionalOnBean(Inbox.class)
    InboxPurge inboxPurge(Inbox inbox, OutboxProperties properties) {
        return new InboxPurge(inbox, properties.inboxRetention(), properties.inboxPurgeInterval());
    }
}
