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
    private static final int TOO_MANY_REQUESTS = 429;
    // Attempts per request while the shop answers 429, and the longest Retry-After worth waiting for.
    private static final int ATTEMPTS = 5;
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofSeconds(30);

    private final URI gateway;
    private final String address;
    private final String token;
    private final boolean retrying;

    Client(URI gateway, String address) {
        this(gateway, address, null, true);
    }

    private Client(URI gateway, String address, String token, boolean retrying) {
        this.gateway = gateway;
        this.address = address;
        this.token = token;
        this.retrying = retrying;
    }

    /** The same client sending this bearer token (or none, for {@code null}). */
    public Client withToken(String token) {
        return new Client(gateway, address, token, retrying);
    }

    /** The same client taking every 429 as it comes: for tests of the rate limits and throttles themselves. */
    public Client withoutRetries() {
        return new Client(gateway, address, token, false);
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
        Response response = sendOnce(method, path, body, headers);
        for (int attempt = 1; retrying && attempt < ATTEMPTS && response.status() == TOO_MANY_REQUESTS; attempt++) {
            waitFor(retryAfter(response));
            response = sendOnce(method, path, body, headers);
        }
        return response;
    }

    /** How long the shop asked to wait; a 429 without a usable {@code Retry-After} is not retried. */
    private static Duration retryAfter(Response throttled) {
        Duration wait = throttled
                .header("Retry-After")
                .filter(seconds -> seconds.matches("\\d{1,6}"))
                .map(seconds -> Duration.ofSeconds(Long.parseLong(seconds)))
                .orElseThrow(() -> new AssertionError("a 429 without Retry-After in seconds: " + throttled));
        if (wait.compareTo(LONGEST_RETRY_AFTER) > 0) {
            throw new AssertionError("a 429 asking to wait longer than " + LONGEST_RETRY_AFTER + ": " + throttled);
        }
        return wait;
    }

    private static void waitFor(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Response sendOnce(String method, String path, Object body, Map<String, String> headers) {
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
