package bookstore.platform.deadletters;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the dead-letter API.
 *
 * @param readTimeout how long one read of the dead-letter topics or the re-drive log may take before Kafka counts as
 *     away (the request is then answered 503)
 * @param censusInterval how often the waiting dead letters are counted for {@code
 *     bookstore.messaging.dead.letters.waiting} (also after each re-drive)
 */
@ConfigurationProperties("bookstore.dead-letters")
public record DeadLetterProperties(
        @DefaultValue("15s") Duration readTimeout,
        @DefaultValue("1m") Duration censusInterval) {}
