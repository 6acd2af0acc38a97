package bookstore.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the outbox relay.
 *
 * @param pollInterval how often the relay looks for events committed by other replicas
 * @param batchSize events published per relay transaction
 * @param maxBackOff the longest wait between attempts while Kafka is unreachable
 * @param retention how long sent events are kept for inspection before they are deleted
 */
@ConfigurationProperties("bookstore.outbox")
public record OutboxProperties(
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("200") int batchSize,
        @DefaultValue("30s") Duration maxBackOff,
        @DefaultValue("7d") Duration retention) {}
