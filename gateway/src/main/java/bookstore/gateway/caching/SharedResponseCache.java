package bookstore.gateway.caching;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.reactivestreams.Publisher;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A shared HTTP cache (RFC 9111) in front of the services, for the answers they mark as shareable. A {@code GET}
 * answered 200 whose {@code Cache-Control} has {@code s-maxage} or {@code max-age} and none of {@code private},
 * {@code no-store} or {@code no-cache}, with a {@code Content-Length} and without {@code Set-Cookie} or {@code Vary},
 * is kept in memory that long (at most {@code max-age} of the properties); the same request (route, path, query and
 * {@code Accept}) is then answered from memory, with an {@code Age} header, without reaching the service.
 *
 * <p>A request with {@code Authorization} is the caller's own view: it is neither answered from the cache nor stored.
 * A request's {@code no-store} bypasses the cache; its {@code no-cache} (or {@code Pragma: no-cache}) goes to the
 * service and stores the fresh answer. Services mark little as shareable: today the catalogue's search and
 * suggestions, for a second.
 *
 * <p>A hit skips the route's circuit breaker and the per-route request metrics; {@code http.server.requests} and the
 * cache's own {@code cache.gets{cache="gateway.responses"}} count it.
 */
@Component
@EnableConfigurationProperties(ResponseCacheProperties.class)
public class SharedResponseCache implements GatewayFilter, Ordered {

    /** Before the filter that writes the service's answer, so that the answer it writes passes through here. */
    public static final int ORDER = NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;

    /** Headers about the connection, not the answer (RFC 9110 section 7.6.1). */
    private static final Set<String> HOP_BY_HOP =
            Set.of("connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade");

    private final ResponseCacheProperties properties;
    private final Cache<Key, Stored> responses;

    SharedResponseCache(ResponseCacheProperties properties, MeterRegistry registry) {
        this.properties = properties;
        this.responses = Caffeine.newBuilder()
                .maximumWeight(properties.maxSize().toBytes())
                .weigher((Key key, Stored stored) -> stored.weight() + key.weight())
                .expireAfter(Expiry.<Key, Stored>writing((key, stored) -> stored.freshFor()))
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, responses, "gateway.responses");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!properties.enabled()
                || !HttpMethod.GET.equals(request.getMethod())
                || request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            return chain.filter(exchange);
        }
        CacheDirectives asked = CacheDirectives.parse(request.getHeaders().get(HttpHeaders.CACHE_CONTROL));
        if (asked.has("no-store")) {
            return chain.filter(exchange);
        }
        Key key = Key.of(exchange);
        if (!asked.has("no-cache")
                && !"no-cache".equalsIgnoreCase(request.getHeaders().getFirst(HttpHeaders.PRAGMA))) {
            Stored hit = responses.getIfPresent(key);
            if (hit != null) {
                return hit.answer(exchange.getResponse());
            }
        }
        Map<String, List<String>> setBeforeTheCall =
                valuesOf(exchange.getResponse().getHeaders());
        return chain.filter(exchange.mutate()
                .response(new Storing(exchange.getResponse(), key, setBeforeTheCall))
                .build());
    }

    private static Map<String, List<String>> valuesOf(HttpHeaders headers) {
        Map<String, List<String>> values = new HashMap<>();
        headers.forEach((name, list) -> values.put(name.toLowerCase(Locale.ROOT), List.copyOf(list)));
        return values;
    }

    /** A request as the cache tells requests apart. */
    private record Key(String route, String pathAndQuery, String accept) {

        static Key of(ServerWebExchange exchange) {
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            ServerHttpRequest request = exchange.getRequest();
            String query = request.getURI().getRawQuery();
            return new Key(
                    route == null ? "" : route.getId(),
                    query == null
                            ? request.getURI().getRawPath()
                            : request.getURI().getRawPath() + "?" + query,
                    String.join(",", request.getHeaders().getOrEmpty(HttpHeaders.ACCEPT)));
        }

        int weight() {
            return route.length() + pathAndQuery.length() + accept.length();
        }
    }

    /** A service's answer as stored: its own headers (not those the gateway adds to every response) and body. */
    private record Stored(HttpHeaders headers, byte[] body, long storedAtNanos, Duration freshFor) {

        int weight() {
            return body.length + headers.toString().length();
        }

        Mono<Void> answer(ServerHttpResponse response) {
            response.setStatusCode(HttpStatus.OK);
            response.getHeaders().putAll(headers);
            long age = Duration.ofNanos(System.nanoTime() - storedAtNanos).toSeconds();
            response.getHeaders().set(HttpHeaders.AGE, Long.toString(age));
            return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
        }
    }

    /** Passes the service's answer on to the client, keeping a copy when the answer may be shared. */
    private final class Storing extends ServerHttpResponseDecorator {

        private final Key key;
        private final Map<String, List<String>> setBeforeTheCall;

        Storing(ServerHttpResponse response, Key key, Map<String, List<String>> setBeforeTheCall) {
            super(response);
            this.key = key;
            this.setBeforeTheCall = setBeforeTheCall;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            Duration freshFor = shareableFor();
            if (freshFor.isZero()) {
                return super.writeWith(body);
            }
            // What the gateway set before the call (CORS's Vary: Origin, say) it sets again on every response.
            HttpHeaders own = servicesOwn(getHeaders());
            long length = own.getContentLength();
            if (length < 0
                    || length > properties.maxEntrySize().toBytes()
                    || own.containsHeader(HttpHeaders.SET_COOKIE)
                    || own.containsHeader(HttpHeaders.VARY)) {
                return super.writeWith(body);
            }
            return DataBufferUtils.join(body).flatMap(joined -> {
                byte[] bytes = new byte[joined.readableByteCount()];
                joined.read(bytes);
                DataBufferUtils.release(joined);
                responses.put(key, new Stored(own, bytes, System.nanoTime(), freshFor));
                return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
            });
        }

        /** How long the status and Cache-Control let the answer be shared; zero when not at all. */
        private Duration shareableFor() {
            HttpStatusCode status = getStatusCode();
            if (status == null || status.value() != HttpStatus.OK.value()) {
                return Duration.ZERO;
            }
            CacheDirectives directives = CacheDirectives.parse(getHeaders().get(HttpHeaders.CACHE_CONTROL));
            if (directives.has("private") || directives.has("no-store") || directives.has("no-cache")) {
                return Duration.ZERO;
            }
            Duration maxAge = directives.sharedMaxAge().orElse(Duration.ZERO);
            return maxAge.compareTo(properties.maxAge()) > 0 ? properties.maxAge() : maxAge;
        }

        /** The response's headers less those the gateway had set before the call, which it sets on every response. */
        private HttpHeaders servicesOwn(HttpHeaders headers) {
            HttpHeaders own = new HttpHeaders();
            headers.forEach((name, values) -> {
                String lowerCase = name.toLowerCase(Locale.ROOT);
                if (!HOP_BY_HOP.contains(lowerCase)) {
                    List<String> added = new ArrayList<>(values);
                    setBeforeTheCall.getOrDefault(lowerCase, List.of()).forEach(added::remove);
                    if (!added.isEmpty()) {
                        own.addAll(name, added);
                    }
                }
            });
            return own;
        }
    }
}
