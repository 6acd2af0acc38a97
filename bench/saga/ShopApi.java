import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The shop's HTTP API through the gateway, as the benchmark uses it: the admin's stock receipts,
 * customers registering and logging in, orders placed, PENDING orders counted.
 */
final class ShopApi {

    static final ObjectMapper JSON = new ObjectMapper();

    private final String gateway;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    ShopApi(String gateway) {
        this.gateway = gateway;
    }

    String token(String email, String password) throws IOException, InterruptedException {
        JsonNode body = call("POST", "/api/auth/token", null, Map.of("email", email, "password", password), 200);
        return body.path("accessToken").asText();
    }

    /** {@code count} books of the seeded catalogue, each with 100,000 more copies received. */
    List<String> stockedBooks(String admin, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ids.size() < count; page++) {
            JsonNode found = call("GET", "/api/books?size=100&page=" + page, null, null, 200);
            if (found.path("items").isEmpty()) {
                break;
            }
            for (JsonNode book : found.path("items")) {
                if (ids.size() < count) {
                    ids.add(book.path("id").asText());
                }
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("the catalogue has no books");
        }
        for (String id : ids) {
            // Inventory opens stock for a book when it sees BookAdded; retry until it has.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                HttpResponse<String> response = send(request("/api/inventory/" + id + "/receipts", admin)
                        .POST(body(Map.of("quantity", 100_000, "note", "saga benchmark")))
                        .build());
                if (response.statusCode() / 100 == 2) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("receipt for " + id + " answered " + response.statusCode()
                            + ": " + response.body());
                }
                Thread.sleep(1000);
            }
        }
        Settings.log("stocked %d books with 100,000 copies each", ids.size());
        return ids;
    }

    /** Registers {@code count} customers (a few at a time: hashing a password is deliberately slow) and logs them in. */
    List<String> customers(int count) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        AtomicReferenceArray<String> tokens = new AtomicReferenceArray<>(count);
        Semaphore parallel = new Semaphore(4);
        List<Throwable> failures = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(count);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                int n = i;
                threads.submit(() -> {
                    try {
                        parallel.acquire();
                        String email = "saga-" + run + "-" + n + "@bench.example.com";
                        String password = "Steady-Orders-Per-Second-" + n;
                        call("POST", "/api/users", null,
                                Map.of("email", email, "password", password, "displayName", "读者 " + n), 201);
                        tokens.set(n, token(email, password));
                    } catch (Exception | Error e) {
                        synchronized (failures) {
                            failures.add(e);
                        }
                    } finally {
                        parallel.release();
                        done.countDown();
                    }
                    return null;
                });
            }
            done.await();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " customers could not register or log in", failures.getFirst());
        }
        List<String> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(tokens.get(i));
        }
        return list;
    }

    /** PENDING orders in order-service, -1 when it cannot tell. */
    long countPending(String admin) {
        try {
            return call("GET", "/api/orders?status=PENDING&size=1", admin, null, 200).path("total").asLong();
        } catch (Exception e) {
            Settings.log("could not count PENDING orders: %s", e);
            return -1;
        }
    }

    /** An order of one copy or two of each book, paid with pm_card_visa, with an idempotency key of its own. */
    HttpRequest order(String customer, List<String> books) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (String book : books) {
            items.add(Map.of("bookId", book, "quantity", 1 + ThreadLocalRandom.current().nextInt(2)));
        }
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("recipient", "韩梅梅");
        address.put("line1", "人民路 1 号");
        address.put("city", "北京");
        address.put("postalCode", "100000");
        address.put("country", "CN");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("shippingAddress", address);
        body.put("paymentMethod", "pm_card_visa");
        return request("/api/orders", customer)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(body(body))
                .build();
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The order id of a 202 answer to POST /api/orders. */
    static String orderId(String body) throws IOException {
        return JSON.readTree(body).path("id").asText();
    }

    /** The last segment of a problem's type (or its title), for counting errors by kind. */
    static String problemType(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            String type = problem.path("type").asText("");
            return type.isEmpty() ? problem.path("title").asText("") : type.substring(type.lastIndexOf('/') + 1);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private JsonNode call(String method, String path, String token, Object body, int expected)
            throws IOException, InterruptedException {
        HttpRequest request = request(path, token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body(body))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private static HttpRequest.BodyPublisher body(Object value) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
