package bookstore.platform.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Messaging settings shared by every service.
 *
 * @param replicationFactor replicas of each topic the service creates; unset, the broker's default
 * @param retryAttempts how often a failing record is retried before it goes to the dead-letter topic
 * @param retryInterval the pause between those attempts
 * @param handlerTimeout the longest a handler may take for one event before it counts as failed
 */
@ConfigurationProperties("bookstore.messaging")
public record MessagingProperties(
        Integer replicationFactor,
        @DefaultValue("3") int retryAttempts,
        @DefaultValue("500ms") Duration retryInterval,
        @DefaultValue("30s") Duration handlerTimeout) {}
