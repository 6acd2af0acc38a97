package bookstore.gateway.problem;

import bookstore.gateway.observability.RequestIds;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Writes a problem as the whole response, with the same codecs the rest of the gateway uses. */
@Component
public class ProblemResponses {

    private final ServerResponse.Context context;

    ProblemResponses(ServerCodecConfigurer codecs) {
        List<HttpMessageWriter<?>> writers = codecs.getWriters();
        this.context = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return writers;
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        return write(exchange, problem, headers -> {});
    }

    /**
     * Writes the problem with headers of its own, such as {@code Retry-After} or {@code WWW-Authenticate}.
     *
     * <p>The answer is written from another thread than the connection's event loop. A refusal needs no I/O, and
     * reactor-netty (1.3.x up to at least 1.3.7, reactor-netty#4361) stops reading a kept-alive connection when a
     * request that came in while the previous answer was still being finished is answered at once, on the event
     * loop: the caller's next request on that connection then waits for ever. The gateway's tests met it as a
     * refused request left unanswered for 30 s, a few times in hundreds of runs.
     */
    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, Consumer<HttpHeaders> headers) {
        return Mono.defer(() -> {
                    clearAllButCrossOriginHeaders(exchange.getResponse().getHeaders());
                    RequestIds.of(exchange).ifPresent(requestId -> problem.setProperty("requestId", requestId));
                    return ServerResponse.status(problem.getStatus())
                            .headers(headers)
                            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                            .bodyValue(problem)
                            .flatMap(response -> response.writeTo(exchange, context));
                })
                .subscribeOn(Schedulers.parallel());
    }

    /**
     * Whatever a failed downstream call already put there (its headers) must not leak into the problem. The CORS
     * headers the edge set for an allowed origin stay: without them the storefront could not read why it was refused.
     */
    private static void clearAllButCrossOriginHeaders(HttpHeaders headers) {
        List<String> leftovers = headers.headerNames().stream()
                .filter(name -> !isCrossOriginHeader(name))
                .toList();
        leftovers.forEach(headers::remove);
    }

    private static boolean isCrossOriginHeader(String name) {
        String lowerCase = name.toLowerCase(Locale.ROOT);
        return lowerCase.startsWith("access-control-") || lowerCase.equals("vary");
    }
}
