import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Query latency straight at analytics-service (no gateway), one request at a time with an admin's token: for each
 * report a few unmeasured requests, then REQUESTS measured ones (or as many as MAX_SECONDS allow), p50/p99/max of
 * the whole exchange, the statuses (0: no answer within 60 s) and the size of the answer. The first answer of each is kept in out/answers/.
 *
 * <p>Environment: ANALYTICS_URL, USER_URL, ADMIN_EMAIL, ADMIN_PASSWORD, OUT, BUSY_BOOK, ZONE, REQUESTS (300),
 * WARM_UP (10), MAX_SECONDS (120). Writes OUT/queries.properties.
 */
public final class QueryLatency {

    private static final int TIMEOUT_S = 60;
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        BenchEnv env = new BenchEnv();
        String analytics = env.required("ANALYTICS_URL");
        String users = env.required("USER_URL");
        Path out = Path.of(env.required("OUT"));
        String busyBook = env.required("BUSY_BOOK");
        ZoneId zone = ZoneId.of(env.text("ZONE", "Asia/Shanghai"));
        int requests = env.integer("REQUESTS", 300);
        int warmUp = env.integer("WARM_UP", 10);
        int maxSeconds = env.integer("MAX_SECONDS", 120);

        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String token = token(http, users, env.required("ADMIN_EMAIL"), env.required("ADMIN_PASSWORD"));
        LocalDate today = LocalDate.now(zone);
        String twoYears = "from=" + today.minusYears(2) + "&to=" + today;
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("sales-2y-week", "/api/analytics/sales?" + twoYears + "&granularity=WEEK");
        queries.put("top-sellers-2y", "/api/analytics/top-sellers?" + twoYears);
        queries.put("top-sellers-30d", "/api/analytics/top-sellers?from=" + today.minusDays(29) + "&to=" + today);
        queries.put("by-category-1y", "/api/analytics/sales/by/CATEGORY?from=" + today.minusYears(1) + "&to=" + today);
        queries.put("forecast-busy-book", "/api/analytics/forecasts/" + busyBook);
        queries.put("reorder-suggestions", "/api/analytics/reorder-suggestions");
        queries.put("segments", "/api/analytics/segments");

        Files.createDirectories(out.resolve("answers"));
        Properties result = new Properties();
        result.put("queries", String.join(" ", queries.keySet()));
        for (var query : queries.entrySet()) {
            String name = query.getKey();
            HttpRequest request = HttpRequest.newBuilder(URI.create(analytics + query.getValue()))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(TIMEOUT_S))
                    .GET()
                    .build();
            Map<Integer, Integer> statuses = new TreeMap<>();
            List<Long> latencies = new ArrayList<>();
            long bytes = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(maxSeconds).toNanos();
            for (int n = 0; n < warmUp && System.nanoTime() < deadline; n++) {
                HttpResponse<byte[]> response = send(http, request);
                if (n == 0 && response != null) {
                    Files.write(out.resolve("answers").resolve(name + ".json"), response.body());
                }
            }
            for (int n = 0; n < requests && System.nanoTime() < deadline; n++) {
                long start = System.nanoTime();
                HttpResponse<byte[]> response = send(http, request);
                latencies.add(System.nanoTime() - start);
                // 0: no answer within the client's timeout
                statuses.merge(response == null ? 0 : response.statusCode(), 1, Integer::sum);
                bytes = response == null ? bytes : response.body().length;
            }
            long[] sorted = Stats.sorted(latencies);
            result.put(name + ".path", query.getValue());
            result.put(name + ".n", String.valueOf(sorted.length));
            result.put(name + ".statuses", statuses.toString());
            result.put(name + ".bytes", String.valueOf(bytes));
            result.put(name + ".p50", Stats.ms(Stats.percentile(sorted, 0.50)));
            result.put(name + ".p99", Stats.ms(Stats.percentile(sorted, 0.99)));
            result.put(name + ".max", Stats.ms(Stats.max(sorted)));
            System.out.printf("%-20s n=%d p50 %s ms p99 %s ms max %s ms, %s, %,d bytes%n", name, sorted.length,
                    result.get(name + ".p50"), result.get(name + ".p99"), result.get(name + ".max"), statuses, bytes);
        }
        BenchEnv.write(out.resolve("queries.properties"), result);
    }

    /** The answer, or null when none came within the timeout (counted as status 0 and timed as the wait). */
    private static HttpResponse<byte[]> send(HttpClient http, HttpRequest request) throws Exception {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.net.http.HttpTimeoutException e) {
            return null;
        }
    }

    private static String token(HttpClient http, String users, String email, String password) throws Exception {
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(users + "/api/auth/token"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher matcher = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !matcher.find()) {
            throw new IllegalStateException("no admin token: " + response.statusCode() + " " + response.body());
        }
        return matcher.group(1);
    }
}
