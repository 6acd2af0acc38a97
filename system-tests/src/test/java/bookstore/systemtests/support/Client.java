package bookstore.systemtests.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * One caller of the gateway, as seen from the internet: it comes from an address of its own (the
 * system tests reach the gateway from loopback, a trusted proxy, so {@code X-Forwarded-For} names
 * the client), and sends a bearer token when it has one.
 */
public final class Client {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI gateway;
    private final String address;
    private final String token;

    Client(URI gateway, String address) {
        this(gateway, address, null);
    }

    private Client(URI gateway, String address, String token) {
        this.gateway = gateway;
        this.address = address;
        this.token = token;
    }

    /** The same client sending this bearer token (or none, for {@code null}). */
    public Client withToken(String token) {
        return new Client(gateway, address, token);
    }

    public String address() {
        return address;
    }

    public Response get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Response post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body, Map.of());
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body, Map.of("Content-Type", "application/merge-patch+json"));
    }

    public Response delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    /**
     * Any request. A body that is a {@link String} goes as it is (for malformed JSON), anything else
     * as JSON; {@code headers} come on top of the client's own.
     */
    public Response send(String method, String path, Object body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("X-Forwarded-For", address);
        all.put("Accept", "application/json");
        if (body != null) {
            all.put("Content-Type", "application/json");
        }
        if (token != null) {
            all.put("Authorization", "Bearer " + token);
        }
        all.putAll(headers);
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path))
                .timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : publisher(body));
        all.forEach((name, value) -> {
            if (value != null) {
                request.header(name, value);
            }
        });
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(method + " " + path, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static HttpRequest.BodyPublisher publisher(Object body) {
        if (body instanceof byte[] bytes) {
            return HttpRequest.BodyPublishers.ofByteArray(bytes);
        }
        return HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : JSON.writeValueAsString(body));
    }
}
