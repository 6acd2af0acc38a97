package bookstore.gateway.routing;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where each service answers. Only scheme, host and port count: the gateway forwards the request path unchanged, so a
 * path in one of these URLs would be ignored.
 */
@ConfigurationProperties("bookstore.gateway.services")
record DownstreamServices(
        URI catalog, URI user, URI order, URI inventory, URI payment, URI analytics, URI notification) {}
