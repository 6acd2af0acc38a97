package bookstore.testsupport.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class OperationDescriptionsTests {

    static final String PROBLEM = """
            {"content": {"application/problem+json": {"examples": {"one": {"value":
              {"type": "https://bookstore.example/problems/%s", "title": "A title", "status": %s, "detail": "Why."}}}}}}""";

    @SuppressWarnings("unchecked")
    static Map<String, Object> document(String operation) {
        return JsonMapper.shared().readValue("""
                        {"paths": {"/api/books/{id}": {"put": %s}},
                         "components": {"schemas": {"Price": {"type": "object", "required": ["currency"],
                          "properties": {"amount": {"type": "integer", "minimum": 0},
                                         "currency": {"type": "string", "pattern": "[A-Z]{3}"}}}}}}""".formatted(operation), Map.class);
    }

    static String complete(String example) {
        return """
                {"security": [{"bearer-jwt": []}],
                 "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                 "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Price"},
                                                                  "example": %s}}},
                 "responses": {"400": %s, "401": %s, "404": %s}}""".formatted(
                        example,
                        PROBLEM.formatted("validation", 400),
                        PROBLEM.formatted("unauthenticated", 401),
                        PROBLEM.formatted("not-found", 404));
    }

    @Test
    void aCompletelyDescribedOperationHasNoGaps() {
        assertThat(OperationDescriptions.gapsIn(document(complete("{\"amount\": 4800, \"currency\": \"CNY\"}"))))
                .isEmpty();
    }

    @Test
    void anExampleItsSchemaRefusesIsAGap() {
        assertThat(OperationDescriptions.gapsIn(document(complete("{\"amount\": -1, \"currency\": \"yuan\"}"))))
                .containsExactlyInAnyOrder(
                        "PUT /api/books/{id}: the example application/json body.amount: below 0",
                        "PUT /api/books/{id}: the example application/json body.currency: \"yuan\" does not match"
                                + " [A-Z]{3}");
        assertThat(OperationDescriptions.gapsIn(document(complete("{\"amount\": 1}"))))
                .containsExactly("PUT /api/books/{id}: the example application/json body: lacks the required currency");
    }

    @Test
    void anOperationWithoutSecurityProblemResponsesOrExamplesIsNamedWithEachGap() {
        String bare = """
                {"parameters": [{"name": "id", "in": "path", "schema": {"type": "string"}}],
                 "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Price"}}}},
                 "responses": {"409": {"content": {"application/problem+json": {"example":
                   {"type": "https://example.com/oops", "status": 400}}}}}}""";

        List<String> gaps = OperationDescriptions.gapsIn(document(bare));

        assertThat(gaps)
                .containsExactlyInAnyOrder(
                        "PUT /api/books/{id}: no security requirement (an empty one when it is public)",
                        "PUT /api/books/{id}: no 400 problem response, though it takes input",
                        "PUT /api/books/{id}: no 404 problem response, though its path names a resource",
                        "PUT /api/books/{id} 409: a problem example whose type is not one of the shop's"
                                + " (https://bookstore.example/problems/…)",
                        "PUT /api/books/{id} 409: a problem example without a title",
                        "PUT /api/books/{id} 409: a problem example without a detail",
                        "PUT /api/books/{id} 409: a problem example whose status is not 409",
                        "PUT /api/books/{id}: its application/json request body has no example");
    }

    @Test
    void aSecuredOperationWithoutA401IsAGap() {
        String secured = complete("{\"currency\": \"CNY\"}").replace("\"401\": ", "\"402\": ");
        assertThat(OperationDescriptions.gapsIn(document(secured)))
                .containsExactlyInAnyOrder(
                        "PUT /api/books/{id}: no 401 problem response, though it needs a token",
                        "PUT /api/books/{id} 402: a problem example whose status is not 402");
    }
}
