package bookstore.testsupport.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.web.reactive.function.server.RequestPredicates.all;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fuzzer against a tiny API whose faults are known: it finds a 5xx and a 4xx that is not the shop's problem,
 * prints the request that got it, passes an API that answers everything properly, and sends the same requests from
 * the same seed.
 */
class ApiFuzzContractTests {

    private static final Map<String, Object> DOCUMENT = JsonMapper.shared().readValue("""
            {"paths": {
              "/api/things/{id}": {"get": {"parameters": [
                {"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "format": "int64"}},
                {"name": "size", "in": "query", "schema": {"type": "integer", "maximum": 100}}]}},
              "/api/things": {"post": {"requestBody": {"required": true, "content": {"application/json": {"schema":
                {"$ref": "#/components/schemas/Thing"}}}}}}},
             "components": {"schemas": {"Thing": {"type": "object", "required": ["name"], "properties": {
               "name": {"type": "string", "maxLength": 20}, "count": {"type": "integer", "minimum": 0}}}}}}
            """, Map.class);

    private final List<String> seen = new CopyOnWriteArrayList<>();

    @Test
    void aServerErrorFailsTheRunNamingTheRequest() {
        WebTestClient api = api(request -> request.path().matches("/api/things/\\d{1,18}")
                ? ServerResponse.ok().bodyValue("{}")
                : ServerResponse.status(500).build());

        assertThatThrownBy(() -> fuzz(api).run())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /api/things/{id} → 500")
                .hasMessageContaining("seed " + ApiFuzzContract.SEED)
                .hasMessageContaining("    GET /api/things/");
    }

    @Test
    void aRefusalThatIsNotAProblemFailsTheRun() {
        WebTestClient api = api(request -> ServerResponse.badRequest()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"error\":\"bad\"}"));

        assertThatThrownBy(() -> fuzz(api).run())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("not application/problem+json");
    }

    @Test
    void anOperationOfSomeoneElsesProtocolMayRefuseInItsOwnFormatButNeverFail() {
        WebTestClient api = api(request -> ServerResponse.status(request.path().startsWith("/api/things/") ? 401 : 400)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"code\":\"SIGN_ERROR\"}"));

        assertThat(fuzz(api)
                        .refusingInTheirOwnProtocol("GET /api/things/{id}", "POST /api/things")
                        .run()
                        .statuses())
                .containsOnlyKeys(400, 401);
        assertThatThrownBy(() -> fuzz(api)
                        .refusingInTheirOwnProtocol("GET /api/things/{id}")
                        .run())
                .hasMessageContaining("POST /api/things → 400 answered as application/json")
                .hasMessageNotContaining("GET /api/things/{id} →");
        assertThatThrownBy(() -> fuzz(api).refusingInTheirOwnProtocol("GET /api/other"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GET /api/other");
    }

    @Test
    void anApiThatRefusesWithProblemsPassesAndTheSameSeedSendsTheSameRequests() {
        WebTestClient api = api(request -> ServerResponse.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue("{\"type\":\"https://bookstore.example/problems/validation\",\"status\":400}"));

        ApiFuzzContract.Summary summary = fuzz(api).run();
        List<String> first = List.copyOf(seen);
        seen.clear();
        fuzz(api).run();

        assertThat(summary.operations()).isEqualTo(2);
        assertThat(summary.requests()).isEqualTo(2 * 25);
        assertThat(summary.statuses()).containsOnlyKeys(400);
        assertThat(first).hasSize(50).isEqualTo(seen);
        assertThat(first.stream().distinct().count()).as("different requests").isGreaterThan(40);
    }

    private ApiFuzzContract fuzz(WebTestClient api) {
        return ApiFuzzContract.of("things", DOCUMENT).callers(api, api, api).triesPerOperation(25);
    }

    private WebTestClient api(Function<ServerRequest, Mono<ServerResponse>> answer) {
        return WebTestClient.bindToRouterFunction(route(all(), request -> remember(request, answer)))
                .build();
    }

    private Mono<ServerResponse> remember(ServerRequest request, Function<ServerRequest, Mono<ServerResponse>> answer) {
        return request.bodyToMono(String.class).defaultIfEmpty("").flatMap(body -> {
            seen.add(request.method() + " " + request.uri().getRawPath() + "?"
                    + request.uri().getRawQuery() + " " + body);
            return answer.apply(request);
        });
    }
}
