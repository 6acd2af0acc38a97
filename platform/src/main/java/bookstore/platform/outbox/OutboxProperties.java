package bookstore.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the outbox relay and the inbox.
 *
 * @param pollInterval how often the relay looks for events nobody announced, and how often a relay
 *     that does not lead tries to take over
 * @param batchSize the most events published per round
 * @param linger the least time between the starts of two rounds (unless a full batch is waiting):
 *     events committed meanwhile are published together, with one statement instead of one each
 * @param maxBackOff the longest wait between attempts while Kafka or the database is unreachable
 * @param inboxRetention how long the inbox remembers a handled event id; longer than the retention of
 *     any topic a deduplicated subscription reads (the broker's default, 7 days), so no redelivery or
 *     replay can bring an event it has forgotten
 * @param inboxPurgeInterval how often ids older than that are deleted
 */
@ConfigurationProperties("bookstore.outbox")
public record OutboxProperties(
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("500") int batchSize,
        @DefaultValue("20ms") Duration linger,
        @DefaultValue("5s") Duration maxBackOff,
        @DefaultValue("14d") Duration inboxRetention,
        @DefaultValue("1h") Duration inboxPurgeInterval) {}
