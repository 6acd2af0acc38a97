package bookstore.gateway.security;

import bookstore.gateway.problem.GatewayProblem;
import bookstore.gateway.problem.ProblemResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over the limit with 413 before a byte of them reaches a service. A declared
 * {@code Content-Length} is checked up front and the body then streams through; a chunked body, whose size is only
 * known at its end, is read up to the limit first and forwarded whole, with its length, only if it fits.
 *
 * <p>Over-long request lines and header blocks never get this far: the HTTP server refuses them itself
 * ({@code server.netty.max-initial-line-length}, {@code server.max-http-request-header-size}) with 414 and 431.
 */
@Component
class RequestSizeLimit implements WebFilter, Ordered {

    /** Staff's imports of past sales (analytics-service streams them through its parser): files, not forms. */
    private static final PathPattern IMPORTS = PathPatternParser.defaultInstance.parse("/api/analytics/imports");

    private final long maxBytes;
    private final long maxImportBytes;
    private final ProblemResponses problems;

    RequestSizeLimit(
            @Value("${bookstore.gateway.max-request-body-size:1MB}") DataSize maxBodySize,
            @Value("${bookstore.gateway.max-import-body-size:64MB}") DataSize maxImportSize,
            ProblemResponses problems) {
        this.maxBytes = maxBodySize.toBytes();
        this.maxImportBytes = maxImportSize.toBytes();
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return EdgeFilters.REQUEST_SIZE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        long declaredLength = headers.getContentLength();
        // An import may be a large file, but only with its length declared: it then streams through, and nothing
        // of it is held here. A chunked import is held to the ordinary limit like any other body.
        boolean importing = request.getMethod() == HttpMethod.POST
                && IMPORTS.matches(request.getPath().pathWithinApplication());
        if (declaredLength > (importing ? maxImportBytes : maxBytes)) {
            return tooLarge(exchange, importing ? maxImportBytes : maxBytes);
        }
        if (declaredLength >= 0 || !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(request.getBody(), (int) Math.min(maxBytes, Integer.MAX_VALUE))
                .map(body -> exchange.mutate().request(withBody(request, body)).build())
                .defaultIfEmpty(exchange)
                .onErrorResume(DataBufferLimitException.class, overLimit -> tooLarge(exchange, maxBytes)
                        .then(Mono.<ServerWebExchange>empty()))
                .flatMap(chain::filter);
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange, long limit) {
        return problems.write(
                exchange,
                GatewayProblem.CONTENT_TOO_LARGE.withDetail(
                        "The request body is larger than the " + limit + " bytes this API accepts."));
    }

    /**
     * The joined body is copied off the server's pooled buffers at once: if the request is refused further on (no
     * token, no route) nobody reads it, and a pooled buffer nobody reads is never released.
     */
    private static ServerHttpRequest withBody(ServerHttpRequest request, DataBuffer joined) {
        byte[] bytes = new byte[joined.readableByteCount()];
        joined.read(bytes);
        DataBufferUtils.release(joined);
        ServerHttpRequest withLength = request.mutate()
                .headers(headers -> {
                    headers.remove(HttpHeaders.TRANSFER_ENCODING);
                    headers.setContentLength(bytes.length);
                })
                .build();
        return new ServerHttpRequestDecorator(withLength) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes)));
            }
        };
    }
}
