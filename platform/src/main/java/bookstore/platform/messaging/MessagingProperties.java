package bookstore.platform.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Messaging settings shared by every service.
 *
 * @param replicationFactor replicas of each topic the service creates; unset, the broker's default
 * @param retryAttempts how often a record that fails on its own is retried before it goes to the
 *     dead-letter topic
 * @param retryInterval the pause before the first retry; retries of a batch that failed for a
 *     passing reason (the database away) double it up to {@code maxRetryInterval}, without end
 * @param maxRetryInterval the longest pause between deliveries of a batch that keeps failing for a
 *     passing reason
 * @param handlerTimeout the longest a handler may take for one batch before it counts as failed
 * @param batchMinBytes the least a poll waits to gather (Kafka's {@code fetch.min.bytes}): larger
 *     batches take fewer statements and transactions per event
 * @param batchMaxWait how long a poll waits to gather {@code batchMinBytes} (Kafka's {@code
 *     fetch.max.wait.ms}), which each saga step may add to an order's way through the shop when
 *     {@code batchMinBytes} is raised; with the default of one byte a fetch returns as soon as
 *     anything is there, and this is only how long an idle consumer's fetch waits at the broker
 * @param batchMaxRecords the most records a poll brings (Kafka's {@code max.poll.records})
 */
@ConfigurationProperties("bookstore.messaging")
public record MessagingProperties(
        Integer replicationFactor,
        @DefaultValue("3") int retryAttempts,
        @DefaultValue("500ms") Duration retryInterval,
        @DefaultValue("10s") Duration maxRetryInterval,
        @DefaultValue("30s") Duration handlerTimeout,
        @DefaultValue("1B") DataSize batchMinBytes,
        @DefaultValue("500ms") Duration batchMaxWait,
        @DefaultValue("200") int batchMaxRecords) {}
