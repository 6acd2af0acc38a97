package bookstore.gateway.storefront;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.handler.AbstractHandlerMapping;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import reactor.core.publisher.Mono;

/**
 * The storefront, a single-page application, on every GET and HEAD outside {@code /api} and {@code /actuator}:
 *
 * <ul>
 *   <li>{@code /assets/**}: the build's files, whose names carry a hash of their content, so a browser or CDN may keep
 *       them for a year without asking again. A missing one is a 404, never the page: a script tag given HTML only
 *       fails later and more obscurely.
 *   <li>other files of the build ({@code favicon.svg}, {@code robots.txt}, …): their names stay the same from one
 *       release to the next, so they are kept for an hour only.
 *   <li>any other path, when the request accepts HTML, as a browser's navigation does: {@code index.html}, whose
 *       scripts then show the page the path names ({@code /books/42}, {@code /admin/orders}). It is revalidated on
 *       every use, so a new release reaches the next page load.
 * </ul>
 *
 * Anything else finds no handler here and gets the gateway's 404 problem, as every path outside the API did before the
 * storefront was served. The API's routes come first: this mapping is consulted only when none of them matched. The
 * page carries a content security policy of its own ({@link StorefrontProperties#contentSecurityPolicy()}); every
 * other response keeps the API's, which lets nothing load.
 */
@Component
@EnableConfigurationProperties(StorefrontProperties.class)
class StorefrontRequests extends AbstractHandlerMapping {

    private static final Logger log = LoggerFactory.getLogger(StorefrontRequests.class);

    /** After Spring Cloud Gateway's route mapping (order 1). */
    private static final int ORDER = 100;

    private static final String INDEX = "index.html";

    private static final String ASSETS = "/assets";

    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private static final String ONE_HOUR = "public, max-age=3600";

    private static final String REVALIDATE = "no-cache";

    /** SecurityHeaders keeps a policy already set, and gives every other response the API's. */
    private static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

    private static final List<String> NOT_THE_STOREFRONTS = List.of("/api", "/actuator");

    private final @Nullable StorefrontFiles files;
    private final String pagePolicy;

    StorefrontRequests(StorefrontProperties properties, ResourceLoader resources) {
        this.files = storefrontAt(resources.getResource(properties.location()));
        this.pagePolicy = properties.contentSecurityPolicy();
        setOrder(ORDER);
    }

    private static @Nullable StorefrontFiles storefrontAt(Resource location) {
        boolean built;
        try {
            built = location.createRelative(INDEX).isReadable();
        } catch (IOException e) {
            built = false;
        }
        if (!built) {
            log.info("No storefront at {} (no {} there): serving the API only", location, INDEX);
            return null;
        }
        log.info("Serving the storefront from {}", location);
        return new StorefrontFiles(location);
    }

    @Override
    protected Mono<?> getHandlerInternal(ServerWebExchange exchange) {
        StorefrontFiles storefront = files;
        ServerHttpRequest request = exchange.getRequest();
        if (storefront == null
                || !(HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod()))
                // The management server's context, a child of this one, finds this mapping too: not there.
                || exchange.getApplicationContext() != getApplicationContext()) {
            return Mono.empty();
        }
        String path = request.getPath().pathWithinApplication().value();
        if (NOT_THE_STOREFRONTS.stream().anyMatch(prefix -> isWithin(path, prefix))) {
            return Mono.empty();
        }
        return Mono.just(handlerFor(storefront, path));
    }

    private WebHandler handlerFor(StorefrontFiles storefront, String path) {
        String file = path.substring(1);
        if (isWithin(path, ASSETS)) {
            return exchange -> storefront.serve(asFile(exchange, IMMUTABLE), file);
        }
        if (file.equals(INDEX)) {
            return exchange -> storefront.serve(asPage(exchange), INDEX);
        }
        return exchange -> storefront
                .serve(asFile(exchange, ONE_HOUR), file)
                .onErrorResume(NoResourceFoundException.class, notAFile -> {
                    if (!acceptsHtml(exchange.getRequest())) {
                        return Mono.error(notAFile);
                    }
                    // The same path answers a request that does not accept HTML with a 404.
                    varyBy(exchange.getResponse().getHeaders(), HttpHeaders.ACCEPT);
                    return storefront.serve(asPage(exchange), INDEX);
                });
    }

    /**
     * The headers of a file, set before it is looked up so that a 304 Not Modified carries them too: a browser updates
     * its stored copy's headers from a 304.
     */
    private static ServerWebExchange asFile(ServerWebExchange exchange, String cacheControl) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set(HttpHeaders.CACHE_CONTROL, cacheControl);
        varyBy(headers, HttpHeaders.ACCEPT_ENCODING);
        return exchange;
    }

    /** The headers of the page; a page revalidated with a 304 that carried the API's policy would stop working. */
    private ServerWebExchange asPage(ServerWebExchange exchange) {
        asFile(exchange, REVALIDATE).getResponse().getHeaders().set(CONTENT_SECURITY_POLICY, pagePolicy);
        return exchange;
    }

    /**
     * Whether the client takes HTML: the most specific of its {@code Accept} ranges that covers {@code text/html}
     * ({@code text/html}, {@code text/*}, {@code *}{@code /*}) has a quality above 0. No {@code Accept} at all means
     * anything will do (RFC 9110, section 12.5.1); one that cannot be parsed, nothing.
     */
    private static boolean acceptsHtml(ServerHttpRequest request) {
        List<MediaType> accepted;
        try {
            accepted = request.getHeaders().getAccept();
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
        if (accepted.isEmpty()) {
            return true;
        }
        return accepted.stream()
                .filter(range -> range.includes(MediaType.TEXT_HTML))
                .max(Comparator.comparingInt(range -> range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2))
                .map(range -> range.getQualityValue() > 0)
                .orElse(false);
    }

    private static boolean isWithin(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static void varyBy(HttpHeaders headers, String requestHeader) {
        boolean present = headers.getOrEmpty(HttpHeaders.VARY).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .anyMatch(name -> name.trim().equalsIgnoreCase(requestHeader));
        if (!present) {
            headers.add(HttpHeaders.VARY, requestHeader);
        }
    }
}
