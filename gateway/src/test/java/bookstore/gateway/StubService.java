package bookstore.gateway;

import bookstore.testsupport.openapi.ApiDescriptionContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A real HTTP server standing in for one of the shop's services. It records every request it receives and answers by
 * the last path segment: {@code hang} never answers, {@code drop} closes the connection without answering,
 * {@code problem} answers with a problem detail of its own, {@code /v3/api-docs} with the service's committed OpenAPI
 * document ({@code docs/openapi/<name>-service.json}), anything else gets a 200 naming this service and numbered
 * by the requests it has received so far. The query parameters {@code cache-control}, {@code set-cookie}, {@code vary},
 * {@code content-security-policy} and {@code referrer-policy} become those headers of the answer.
 */
final class StubService implements AutoCloseable {

    static final String PROBLEM_BODY = "{\"type\":\"https://bookstore.example/problems/out-of-stock\","
            + "\"title\":\"Out Of Stock\",\"status\":409,\"detail\":\"Only 2 left\",\"bookId\":\"42\"}";

    static final String OPENAPI_DOCUMENT = "/v3/api-docs";

    record ReceivedRequest(String method, String uri, HttpHeaders headers, String body, long receivedAtNanos) {}

    private final String name;
    private final Queue<ReceivedRequest> received = new ConcurrentLinkedQueue<>();
    private final DisposableServer server;

    private StubService(String name, int port) {
        this.name = name;
        this.server = HttpServer.create()
                .host("localhost")
                .port(port)
                .handle(this::answer)
                .bindNow();
    }

    static StubService start(String name) {
        return new StubService(name, 0);
    }

    static StubService startOn(String name, int port) {
        return new StubService(name, port);
    }

    String name() {
        return name;
    }

    String url() {
        return "http://localhost:" + server.port();
    }

    List<ReceivedRequest> received() {
        return List.copyOf(received);
    }

    void forget() {
        received.clear();
    }

    private Mono<Void> answer(HttpServerRequest request, HttpServerResponse response) {
        return request.receive()
                .aggregate()
                .asString(StandardCharsets.UTF_8)
                .defaultIfEmpty("")
                .flatMap(body -> {
                    received.add(new ReceivedRequest(
                            request.method().name(), request.uri(), copyOf(request), body, System.nanoTime()));
                    String path = request.fullPath();
                    if (path.endsWith("/hang")) {
                        return Mono.never();
                    }
                    if (path.endsWith("/drop")) {
                        request.withConnection(
                                connection -> connection.channel().close());
                        return Mono.empty();
                    }
                    if (path.equals(OPENAPI_DOCUMENT)) {
                        return answerWithDocument(response);
                    }
                    if (path.endsWith("/problem")) {
                        return response.status(409)
                                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                                .sendString(Mono.just(PROBLEM_BODY))
                                .then();
                    }
                    String answer = "{\"service\":\"" + name + "\",\"answer\":" + received.size() + "}";
                    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                    // headers(...) replaces what was set before it.
                    return response.status(200)
                            .headers(headersAskedFor(request.uri()))
                            .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                            .header(HttpHeaders.CONTENT_LENGTH, Integer.toString(bytes.length))
                            .sendByteArray(Mono.just(bytes))
                            .then();
                });
    }

    /** The service's committed OpenAPI document, with the caching headers a service sends on every answer. */
    private Mono<Void> answerWithDocument(HttpServerResponse response) {
        byte[] bytes = document();
        return response.status(200)
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .header(HttpHeaders.CONTENT_LENGTH, Integer.toString(bytes.length))
                .header(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate")
                .header(HttpHeaders.PRAGMA, "no-cache")
                .header(HttpHeaders.EXPIRES, "0")
                .header(HttpHeaders.VARY, "Origin")
                .sendByteArray(Mono.just(bytes))
                .then();
    }

    /** What this service serves at {@value #OPENAPI_DOCUMENT}: its copy under the repository's docs/openapi. */
    byte[] document() {
        try {
            return Files.readAllBytes(ApiDescriptionContract.committedCopy(name + "-service"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static io.netty.handler.codec.http.HttpHeaders headersAskedFor(String uri) {
        var headers = new io.netty.handler.codec.http.DefaultHttpHeaders();
        UriComponentsBuilder.fromUriString(uri).build().getQueryParams().forEach((name, values) -> {
            if (List.of("cache-control", "set-cookie", "vary", "content-security-policy", "referrer-policy")
                    .contains(name)) {
                values.forEach(value -> headers.add(name, UriUtils.decode(value, StandardCharsets.UTF_8)));
            }
        });
        return headers;
    }

    private static HttpHeaders copyOf(HttpServerRequest request) {
        HttpHeaders headers = new HttpHeaders();
        request.requestHeaders().forEach(header -> headers.add(header.getKey(), header.getValue()));
        return headers;
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
