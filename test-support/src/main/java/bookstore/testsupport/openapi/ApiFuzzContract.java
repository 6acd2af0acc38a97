package bookstore.testsupport.openapi;

import static org.assertj.core.api.Assertions.fail;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import bookstore.testsupport.openapi.ApiOperations.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzes every operation of a service's committed OpenAPI document ({@code docs/openapi/<service>.json}) from a
 * seeded random source:
 * for each operation a bounded number of requests, each a plausible request with one kind of damage (see
 * {@link FuzzRequests}), sent with no token, a customer's and an admin's. What must hold for every one of them: no
 * 5xx, and every 4xx is an {@code application/problem+json} of the shop's with its {@code type} and {@code status};
 * optionally, that a request answered 4xx changed nothing the test can see.
 *
 * <p>The values come from one seed ({@link #SEED}, or {@code -Dfuzz.seed=…}), so a run is the same on every machine
 * and a failure, which prints the operation, the attempt and the request, happens again; {@code -Dfuzz.tries=…} sends
 * more requests per operation. All failures are collected and reported together, a few per operation and kind.
 */
public final class ApiFuzzContract {

    /** The seed CI runs with. Change it (or pass -Dfuzz.seed) to explore other values. */
    public static final long SEED = 2_026_120_721L;

    public static final String TYPE_BASE = "https://bookstore.example/problems/";

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final int SHOWN_PER_KIND = 2;

    private final String service;
    private final List<Operation> operations;
    private final Map<String, WebTestClient> callers = new LinkedHashMap<>();
    private final Map<String, Object> known = new LinkedHashMap<>();
    private int tries = Integer.getInteger("fuzz.tries", 30);
    private Supplier<?> state;
    private final Set<String> ownProtocol = new TreeSet<>();

    private ApiFuzzContract(String service, Map<String, Object> document) {
        this.service = service;
        this.operations = ApiOperations.of(document);
    }

    /** The fuzzer for the operations in {@code docs/openapi/<service>.json}. */
    @SuppressWarnings("unchecked")
    public static ApiFuzzContract of(String service) {
        try {
            String document = Files.readString(ApiDescriptionContract.committedCopy(service), StandardCharsets.UTF_8);
            return of(service, JSON.readValue(document, Map.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fuzzer for the operations of a document at hand. */
    static ApiFuzzContract of(String service, Map<String, Object> document) {
        return new ApiFuzzContract(service, document);
    }

    /** Who sends the requests: a client without a token, one with a customer's and one with an admin's. */
    public ApiFuzzContract callers(WebTestClient nobody, WebTestClient customer, WebTestClient admin) {
        callers.put("nobody", nobody);
        callers.put("a customer", customer);
        callers.put("an admin", admin);
        return this;
    }

    /**
     * The callers a service's slice of the security filters sees with {@code mockJwt()}: nobody, a customer and an
     * admin, each with an id of their own (the client must be bound to the application, not to a port).
     */
    public ApiFuzzContract callersWithMockedTokens(WebTestClient http) {
        return callers(http, mocked(http, "CUSTOMER"), mocked(http, "ADMIN", "CUSTOMER"));
    }

    private static WebTestClient mocked(WebTestClient http, String... roles) {
        return http.mutateWith(mockJwt()
                .jwt(jwt -> jwt.subject(UUID.randomUUID().toString()).claim("roles", List.of(roles)))
                .authorities(Stream.of(roles)
                        .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                        .toList()));
    }

    /**
     * A value that exists (a book's id, say) for every parameter or body field of this name, so that damage elsewhere
     * in the request meets a real resource instead of a 404.
     */
    public ApiFuzzContract knowing(String name, Object value) {
        known.put(name, value);
        return this;
    }

    /** Requests per operation (30 unless {@code -Dfuzz.tries} says otherwise). */
    public ApiFuzzContract triesPerOperation(int tries) {
        this.tries = Integer.getInteger("fuzz.tries", tries);
        return this;
    }

    /**
     * What the test can see of the service's stored state (counts, a fingerprint): it must be equal before and after
     * every request answered 4xx. Asked twice a request, so it should be cheap.
     */
    public ApiFuzzContract unchangedByRefusals(Supplier<?> state) {
        this.state = state;
        return this;
    }

    /**
     * Operations (as {@code "POST /api/payments/webhooks/wechatpay"}) that answer a refusal in the format of someone
     * else's protocol (a payment provider's error body, a page for a person), not as the shop's problem. They still
     * may never answer 5xx.
     */
    public ApiFuzzContract refusingInTheirOwnProtocol(String... operations) {
        ownProtocol.addAll(List.of(operations));
        List<String> unknown = Stream.of(operations)
                .filter(named -> this.operations.stream().noneMatch(o -> o.key().equals(named)))
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Not operations of " + service + ": " + unknown);
        }
        return this;
    }

    /** Sends every request and fails, listing them, if any got a 5xx or an answer that is not the shop's problem. */
    public Summary run() {
        if (callers.isEmpty()) {
            throw new IllegalStateException("Say who calls: callers(nobody, customer, admin)");
        }
        long seed = Long.getLong("fuzz.seed", SEED);
        Map<String, List<String>> failures = new TreeMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        long started = System.nanoTime();
        for (Operation operation : operations) {
            FuzzRequests requests = new FuzzRequests(
                    operation, known, weighedCallers(), seed ^ operation.key().hashCode());
            for (int attempt = 1; attempt <= tries; attempt++) {
                FuzzRequest request = requests.next(attempt);
                String failure = send(request, statuses);
                if (failure != null) {
                    List<String> seen = failures.computeIfAbsent(
                            operation.key() + " → "
                                    + failure.lines().findFirst().orElse(""),
                            key -> new ArrayList<>());
                    if (seen.size() < SHOWN_PER_KIND) {
                        seen.add(request.toString().replace("\n", "\n  "));
                    }
                }
            }
        }
        Summary summary = new Summary(
                service,
                operations.size(),
                operations.size() * tries,
                seed,
                statuses,
                (System.nanoTime() - started) / 1_000_000);
        System.out.println(summary);
        if (!failures.isEmpty()) {
            StringBuilder report = new StringBuilder()
                    .append(failures.size())
                    .append(" kinds of failure fuzzing ")
                    .append(service)
                    .append(" (seed ")
                    .append(seed)
                    .append("):");
            failures.forEach((kind, examples) -> {
                report.append("\n- ").append(kind);
                examples.forEach(example -> report.append("\n  * ").append(example));
            });
            fail(report.toString());
        }
        return summary;
    }

    /** What a run did: for the report and for a test that checks it fuzzed enough. */
    public record Summary(
            String service, int operations, int requests, long seed, Map<Integer, Integer> statuses, long millis) {

        @Override
        public String toString() {
            return "Fuzzed %s: %d operations, %d requests (seed %d) in %d ms, statuses %s"
                    .formatted(service, operations, requests, seed, millis, statuses);
        }
    }

    /**
     * Each caller with a token twice as often as nobody: a request without one rarely gets further than the 401,
     * one with the right role reaches the handler.
     */
    private List<String> weighedCallers() {
        List<String> weighed = new ArrayList<>();
        callers.keySet().forEach(caller -> {
            weighed.add(caller);
            if (!"nobody".equals(caller)) {
                weighed.add(caller);
            }
        });
        return List.copyOf(weighed);
    }

    /**
     * Sends the request; what is wrong with the answer, or null. Its URI is already encoded, so it is resolved against
     * the client's base URL (a running server's, or none for a client bound to the application) as it is.
     */
    private String send(FuzzRequest request, Map<Integer, Integer> statuses) {
        Object before = state == null ? null : state.get();
        EntityExchangeResult<byte[]> result;
        try {
            WebTestClient.RequestBodySpec spec = callers.get(request.caller())
                    .method(HttpMethod.valueOf(request.method()))
                    .uri(base -> base.build().resolve(URI.create(request.uri())));
            request.headers().forEach(spec::header);
            WebTestClient.RequestHeadersSpec<?> ready = request.body() == null ? spec : spec.bodyValue(request.body());
            result = ready.exchange().expectBody(byte[].class).returnResult();
        } catch (RuntimeException | AssertionError e) {
            return "no answer: " + e;
        }
        int status = result.getStatus().value();
        statuses.merge(status, 1, Integer::sum);
        if (status >= 500) {
            return status + " " + excerpt(result.getResponseBody());
        }
        if (status >= 400) {
            String problem = ownProtocol.contains(request.operation())
                    ? null
                    : problemIn(status, result.getResponseHeaders().getContentType(), result.getResponseBody());
            if (problem != null) {
                return status + " " + problem;
            }
            if (state != null && !Objects.equals(before, state.get())) {
                return status + " but the state changed: " + before + " → " + state.get();
            }
        }
        return null;
    }

    /** What makes the answer not the shop's problem for this status, or null. */
    @SuppressWarnings("unchecked")
    private static String problemIn(int status, MediaType contentType, byte[] body) {
        if (contentType == null || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(contentType)) {
            return "answered as " + contentType + ", not application/problem+json: " + excerpt(body);
        }
        Map<String, Object> problem;
        try {
            problem = JSON.readValue(body, Map.class);
        } catch (RuntimeException e) {
            return "problem that is not JSON: " + excerpt(body);
        }
        Object type = problem.get("type");
        if (!(type instanceof String named) || !named.startsWith(TYPE_BASE)) {
            return "problem of type " + type + ", not one of the shop's: " + excerpt(body);
        }
        if (!Integer.valueOf(status).equals(problem.get("status"))) {
            return "problem whose status is " + problem.get("status") + ": " + excerpt(body);
        }
        return null;
    }

    private static String excerpt(byte[] body) {
        if (body == null) {
            return "(no body)";
        }
        String text = new String(body, StandardCharsets.UTF_8);
        return FuzzRequest.visible(text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }
}
