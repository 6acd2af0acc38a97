package bookstore.platform.openapi;

import bookstore.platform.openapi.AccessProbe.Access;
import bookstore.platform.web.Problems;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpMethod;

/**
 * The parts of every operation the services answer the same way, added once here instead of on
 * each handler: the bearer-token requirement (from the service's own security rules, see {@link
 * AccessProbe}) and the problem responses a route can give by its shape — 400 when it takes input,
 * 401 when it needs a token, 403 when it needs a role, 404 when it names a resource, 409 when it
 * changes one. A handler documents only what is particular to it.
 */
final class ProblemResponses implements OpenApiCustomizer {

    static final String BEARER = "bearer-jwt";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    private static final Set<PathItem.HttpMethod> CHANGES = Set.of(
            PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    private final AccessProbe access;

    ProblemResponses(AccessProbe access) {
        this.access = access;
    }

    @Override
    public void customise(OpenAPI api) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components
                .addSecuritySchemes(
                        BEARER,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT")
                                .description("An access token from user-service's POST /api/auth/token (RS256)."))
                .addSchemas(PROBLEM, problemSchema()));
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> describe(path, method, operation)));
    }

    private void describe(String path, PathItem.HttpMethod method, Operation operation) {
        Access needed = access.of(HttpMethod.valueOf(method.name()), path);
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && !operation.getParameters().isEmpty());
        if (takesInput) {
            add(responses, "400", "The request is malformed or has invalid fields", "validation", "malformed-request");
        }
        if (needed != Access.PUBLIC) {
            operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
            add(responses, "401", "No valid access token", "unauthorized");
        } else {
            // Public: no token needed, whatever a global requirement says.
            operation.setSecurity(List.of());
        }
        if (needed == Access.ROLE) {
            add(responses, "403", "The caller's roles do not allow this", "forbidden");
        }
        if (path.contains("{")) {
            add(responses, "404", "Nothing is known by this id, or not to this caller", "not-found");
        }
        if (CHANGES.contains(method)) {
            add(responses, "409", "The resource's current state does not allow this", "conflict");
        }
        operation.setResponses(responses);
    }

    private static void add(ApiResponses responses, String status, String description, String... kinds) {
        if (responses.containsKey(status)) {
            return;
        }
        MediaType problem = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
        problem.setExamples(null);
        problem.setExample(Map.of(
                "type", Problems.type(kinds[0]).toString(),
                "title", description,
                "status", Integer.parseInt(status)));
        responses.addApiResponse(
                status,
                new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON, problem)));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem: clients branch on its stable type; the detail speaks to a person.")
                .addProperty(
                        "type",
                        new StringSchema()
                                .format("uri")
                                .description("Stable kind, e.g. " + Problems.type("validation")))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .description("The offending fields of a validation problem")
                                .items(new ObjectSchema()
                                        .addProperty("field", new StringSchema())
                                        .addProperty("message", new StringSchema())))
                .required(List.of("type", "title", "status"));
    }
}
