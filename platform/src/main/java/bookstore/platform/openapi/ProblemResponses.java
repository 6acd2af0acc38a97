package bookstore.platform.openapi;

import bookstore.platform.openapi.AccessProbe.Access;
import bookstore.platform.web.ProblemDetailsAdvice;
import bookstore.platform.web.Problems;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The parts of every operation the services answer the same way, added once here instead of on
 * each handler: the bearer-token requirement (from the service's own security rules, see {@link
 * AccessProbe}) and the problem responses a route can give by its shape — 400 when it takes input,
 * 401 when it needs a token, 403 when it needs a role, 404 when it names a resource, 409 when it
 * changes one — each with example bodies the shop answers (the platform's own {@link Problems}). A handler documents
 * only what is particular to it; a status it declares itself is left as it is.
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
        boolean takesBody = operation.getRequestBody() != null;
        boolean takesParameters =
                operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (takesBody || takesParameters) {
            List<Named> invalid = new ArrayList<>();
            if (takesBody) {
                invalid.add(new Named("invalid-fields", Problems.invalid(ProblemDetailsAdvice.INVALID_FIELDS)));
                invalid.add(new Named("not-json", Problems.malformed(ProblemDetailsAdvice.NOT_JSON)));
            }
            if (takesParameters) {
                invalid.add(new Named("invalid-parameters", Problems.invalid(ProblemDetailsAdvice.INVALID_PARAMETERS)));
            }
            add(responses, "The request is malformed or has invalid fields", invalid.toArray(Named[]::new));
        }
        if (needed != Access.PUBLIC) {
            operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
            add(
                    responses,
                    "No valid access token",
                    new Named("unauthenticated", Problems.unauthenticated()),
                    new Named("invalid-token", Problems.invalidToken()));
        } else {
            // Public: no token needed, whatever a global requirement says.
            operation.setSecurity(List.of());
        }
        if (needed == Access.ROLE) {
            add(responses, "The caller's roles do not allow this", new Named("forbidden", Problems.forbidden()));
        }
        if (path.contains("{")) {
            add(
                    responses,
                    "Nothing is known by this id, or not to this caller (services name the kind, e.g."
                            + " book-not-found)",
                    new Named("not-found", Problems.ofStatus(HttpStatus.NOT_FOUND, "Nothing is known by this id.")));
        }
        if (CHANGES.contains(method)) {
            add(
                    responses,
                    "The resource's current state does not allow this (services name the kind, e.g."
                            + " insufficient-stock)",
                    new Named(
                            "conflict",
                            Problems.ofStatus(
                                    HttpStatus.CONFLICT, "The resource's current state does not allow this.")));
        }
        operation.setResponses(responses);
    }

    /**
     * A problem response of the examples' status, unless the handler declared that status itself; each example is a
     * body the shop answers, named by its kind.
     */
    private static void add(ApiResponses responses, String description, Named... examples) {
        String status = Integer.toString(examples[0].problem().getStatus());
        if (responses.containsKey(status)) {
            return;
        }
        MediaType problem = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
        for (Named example : examples) {
            problem.addExamples(
                    example.name(),
                    new Example().summary(example.problem().getTitle()).value(bodyOf(example.problem())));
        }
        responses.addApiResponse(
                status,
                new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON, problem)));
    }

    /** An example problem and its name in the document. */
    private record Named(String name, ProblemDetail problem) {}

    /** The problem as its JSON body, members in RFC 9457's order. */
    static Map<String, Object> bodyOf(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
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
