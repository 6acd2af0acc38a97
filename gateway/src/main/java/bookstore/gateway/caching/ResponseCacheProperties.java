package bookstore.gateway.caching;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's shared response cache: whether it is on, how much memory its bodies may take, how long it keeps a
 * response at most whatever the service allows, and the largest body it keeps.
 */
@ConfigurationProperties("bookstore.gateway.response-cache")
record ResponseCacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("32MB") DataSize maxSize,
        @DefaultValue("10s") Duration maxAge,
        @DefaultValue("256KB") DataSize maxEntrySize) {}
