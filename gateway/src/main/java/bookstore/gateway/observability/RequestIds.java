package bookstore.gateway.observability;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id}: the caller's if it sent a sane one, a new one otherwise. The services
 * receive it, the caller gets it back, and problem responses carry it, so a support request can be matched to logs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds implements WebFilter {

    private static final String HEADER = "X-Request-Id";

    private static final String ATTRIBUTE = RequestIds.class.getName();

    // Anything longer or stranger could be used to forge log lines downstream.
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    public static Optional<String> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = requestIdFor(exchange);
        exchange.getAttributes().put(ATTRIBUTE, requestId);
        exchange.getResponse()
                .beforeCommit(() -> Mono.fromRunnable(
                        () -> exchange.getResponse().getHeaders().set(HEADER, requestId)));
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(HEADER, requestId)))
                .build());
    }

    private static String requestIdFor(ServerWebExchange exchange) {
        String sent = exchange.getRequest().getHeaders().getFirst(HEADER);
        return sent != null && ACCEPTABLE.matcher(sent).matches()
                ? sent
                : UUID.randomUUID().toString();
    }
}
