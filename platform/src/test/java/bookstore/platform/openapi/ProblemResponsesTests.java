package bookstore.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/**
 * The problem responses by a route's shape, with the shop's own bodies as examples. Without security chains every
 * route is public here; who may call what is the services' contract tests' part, against their real rules.
 */
class ProblemResponsesTests {

    static Operation described(String path, PathItem.HttpMethod method, Operation operation) {
        PathItem item = new PathItem();
        item.operation(method, operation);
        OpenAPI api = new OpenAPI().paths(new Paths().addPathItem(path, item));
        new ProblemResponses(new AccessProbe(List.of())).customise(api);
        return api.getPaths().get(path).readOperationsMap().get(method);
    }

    static Map<String, Example> examples(Operation operation, String status) {
        return operation
                .getResponses()
                .get(status)
                .getContent()
                .get("application/problem+json")
                .getExamples();
    }

    @Test
    void aChangeOfANamedResourceWithABodyDeclaresItsProblemsWithTheBodiesTheShopAnswers() {
        Operation operation = described(
                "/api/books/{id}",
                PathItem.HttpMethod.PUT,
                new Operation()
                        .addParametersItem(new PathParameter().name("id").schema(new StringSchema()))
                        .requestBody(new RequestBody()
                                .content(new Content()
                                        .addMediaType(
                                                "application/json", new MediaType().schema(new StringSchema())))));

        assertThat(operation.getSecurity()).as("public without chains").isEmpty();
        assertThat(operation.getResponses()).containsOnlyKeys("400", "404", "409");
        assertThat(examples(operation, "400")).containsOnlyKeys("invalid-fields", "not-json", "invalid-parameters");
        assertThat(examples(operation, "400").get("invalid-fields").getValue())
                .isEqualTo(Map.of(
                        "type", "https://bookstore.example/problems/validation",
                        "title", "Invalid request",
                        "status", 400,
                        "detail", "The request has invalid fields."));
        assertThat(examples(operation, "400").get("not-json").getValue())
                .isEqualTo(Map.of(
                        "type", "https://bookstore.example/problems/malformed-request",
                        "title", "Malformed request",
                        "status", 400,
                        "detail", "The request body is not valid JSON for this resource."));
        assertThat(examples(operation, "404").get("not-found").getValue())
                .isEqualTo(Map.of(
                        "type", "https://bookstore.example/problems/not-found",
                        "title", "Not Found",
                        "status", 404,
                        "detail", "Nothing is known by this id."));
        assertThat(examples(operation, "409").get("conflict").getValue())
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("type", "https://bookstore.example/problems/conflict")
                .containsEntry("status", 409);
    }

    @Test
    void aReadWithoutInputDeclaresNoProblemsAndAStatusAHandlerDeclaredIsLeftAlone() {
        assertThat(described("/api/books", PathItem.HttpMethod.GET, new Operation())
                        .getResponses())
                .isEmpty();

        ApiResponse own = new ApiResponse().description("Out of stock");
        Operation operation = described(
                "/api/orders",
                PathItem.HttpMethod.POST,
                new Operation().responses(new ApiResponses().addApiResponse("409", own)));
        assertThat(operation.getResponses().get("409")).isSameAs(own);
    }
}
