package bookstore.testsupport.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What every operation of a service's OpenAPI document must say, as the platform's {@code openapi} package declares
 * it: who may call it (a {@code security} requirement, empty when public), the problem responses its shape can give
 * (400 when it takes input, 401 when it needs a token, 404 when its path names a resource), an example body of the
 * shop's own kind for each problem response, and an example for each JSON request body that its schema accepts.
 */
final class OperationDescriptions {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private static final String PROBLEM_JSON = "application/problem+json";

    private static final String PROBLEM_TYPES = "https://bookstore.example/problems/";

    private OperationDescriptions() {}

    /** Each missing or wrong part, as "METHOD /path: what"; none for a complete document. */
    @SuppressWarnings("unchecked")
    static List<String> gapsIn(Map<String, Object> document) {
        List<String> gaps = new ArrayList<>();
        ((Map<String, Map<String, Object>>) document.getOrDefault("paths", Map.of()))
                .forEach((path, item) -> item.forEach((method, operation) -> {
                    if (METHODS.contains(method)) {
                        String route = method.toUpperCase() + " " + path;
                        describe(route, path, (Map<String, Object>) operation, gaps);
                    }
                }));
        for (ApiOperations.Operation operation : ApiOperations.of(document)) {
            for (ApiOperations.Body body : operation.bodies()) {
                if (isJson(body.mediaType()) && body.schema().containsKey("example")) {
                    conform(
                            body.schema().get("example"),
                            body.schema(),
                            operation.key() + ": the example " + body.mediaType() + " body",
                            gaps);
                }
            }
        }
        return gaps;
    }

    @SuppressWarnings("unchecked")
    private static void describe(String route, String path, Map<String, Object> operation, List<String> gaps) {
        Map<String, Map<String, Object>> responses =
                (Map<String, Map<String, Object>>) operation.getOrDefault("responses", Map.of());
        if (!(operation.get("security") instanceof List<?> security)) {
            gaps.add(route + ": no security requirement (an empty one when it is public)");
        } else if (!security.isEmpty()) {
            expectProblem(route, responses, "401", "it needs a token", gaps);
        }
        boolean takesInput = operation.get("requestBody") != null
                || !((List<?>) operation.getOrDefault("parameters", List.of())).isEmpty();
        if (takesInput) {
            expectProblem(route, responses, "400", "it takes input", gaps);
        }
        if (path.contains("{")) {
            expectProblem(route, responses, "404", "its path names a resource", gaps);
        }
        responses.forEach((status, response) -> {
            Map<String, Object> problem = (Map<String, Object>)
                    ((Map<String, Object>) response.getOrDefault("content", Map.of())).get(PROBLEM_JSON);
            if (problem != null) {
                examplesOf(problem).forEach(example -> checkProblem(route + " " + status, status, example, gaps));
                if (examplesOf(problem).isEmpty()) {
                    gaps.add(route + " " + status + ": a problem response without an example");
                }
            }
        });
        if (operation.get("requestBody") instanceof Map<?, ?> body
                && body.get("content") instanceof Map<?, ?> content) {
            content.forEach((mediaType, media) -> {
                if (isJson((String) mediaType)
                        && examplesOf((Map<String, Object>) media).isEmpty()) {
                    gaps.add(route + ": its " + mediaType + " request body has no example");
                }
            });
        }
    }

    private static void expectProblem(
            String route, Map<String, Map<String, Object>> responses, String status, String why, List<String> gaps) {
        if (!(responses.get(status) instanceof Map<?, ?> response
                && response.get("content") instanceof Map<?, ?> content
                && content.containsKey(PROBLEM_JSON))) {
            gaps.add(route + ": no " + status + " problem response, though " + why);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> examplesOf(Map<String, Object> media) {
        List<Object> examples = new ArrayList<>();
        if (media.get("example") != null) {
            examples.add(media.get("example"));
        }
        if (media.get("examples") instanceof Map<?, ?> named) {
            named.values().forEach(example -> examples.add(((Map<String, Object>) example).get("value")));
        }
        return examples;
    }

    private static void checkProblem(String where, String status, Object example, List<String> gaps) {
        if (!(example instanceof Map<?, ?> problem)) {
            gaps.add(where + ": a problem example that is not an object");
            return;
        }
        if (!(problem.get("type") instanceof String type && type.startsWith(PROBLEM_TYPES))) {
            gaps.add(where + ": a problem example whose type is not one of the shop's (" + PROBLEM_TYPES + "…)");
        }
        if (!(problem.get("title") instanceof String title && !title.isBlank())) {
            gaps.add(where + ": a problem example without a title");
        }
        if (!(problem.get("detail") instanceof String detail && !detail.isBlank())) {
            gaps.add(where + ": a problem example without a detail");
        }
        if (!(problem.get("status") instanceof Number number && status.equals(String.valueOf(number.intValue())))) {
            gaps.add(where + ": a problem example whose status is not " + status);
        }
    }

    private static boolean isJson(String mediaType) {
        return mediaType.startsWith("application/json") || mediaType.contains("+json");
    }

    /** Whether a value is one the schema accepts, in what the services check: types, enums, patterns, bounds. */
    @SuppressWarnings("unchecked")
    private static void conform(Object value, Map<String, Object> schema, String at, List<String> gaps) {
        if (value == null) {
            return;
        }
        if (schema.get("enum") instanceof List<?> values
                && values.stream().noneMatch(allowed -> String.valueOf(allowed).equals(String.valueOf(value)))) {
            gaps.add(at + ": " + value + " is none of " + values);
            return;
        }
        switch (ApiOperations.typeOf(schema)) {
            case "object" -> {
                if (!(value instanceof Map<?, ?> object)) {
                    gaps.add(at + ": not an object");
                    return;
                }
                for (Object required : (List<Object>) schema.getOrDefault("required", List.of())) {
                    if (!object.containsKey(required)) {
                        gaps.add(at + ": lacks the required " + required);
                    }
                }
                Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
                object.forEach((name, member) -> {
                    if (properties.get(name) instanceof Map<?, ?> property) {
                        conform(member, (Map<String, Object>) property, at + "." + name, gaps);
                    }
                });
            }
            case "array" -> {
                if (!(value instanceof List<?> items)) {
                    gaps.add(at + ": not an array");
                    return;
                }
                if (schema.get("minItems") instanceof Number min && items.size() < min.intValue()) {
                    gaps.add(at + ": fewer than " + min + " items");
                }
                if (schema.get("maxItems") instanceof Number max && items.size() > max.intValue()) {
                    gaps.add(at + ": more than " + max + " items");
                }
                if (schema.get("items") instanceof Map<?, ?> itemSchema) {
                    items.forEach(item -> conform(item, (Map<String, Object>) itemSchema, at + "[]", gaps));
                }
            }
            case "string" -> {
                if (!(value instanceof String text)) {
                    gaps.add(at + ": not a string");
                    return;
                }
                if (schema.get("pattern") instanceof String pattern && !fullyMatches(pattern, text)) {
                    gaps.add(at + ": \"" + text + "\" does not match " + pattern);
                }
                if (schema.get("minLength") instanceof Number min && text.length() < min.intValue()) {
                    gaps.add(at + ": shorter than " + min);
                }
                if (schema.get("maxLength") instanceof Number max && text.length() > max.intValue()) {
                    gaps.add(at + ": longer than " + max);
                }
            }
            case "integer", "number" -> {
                if (!(value instanceof Number number)) {
                    gaps.add(at + ": not a number");
                    return;
                }
                if (schema.get("minimum") instanceof Number min && number.doubleValue() < min.doubleValue()) {
                    gaps.add(at + ": below " + min);
                }
                if (schema.get("maximum") instanceof Number max && number.doubleValue() > max.doubleValue()) {
                    gaps.add(at + ": above " + max);
                }
            }
            case "boolean" -> {
                if (!(value instanceof Boolean)) {
                    gaps.add(at + ": not true or false");
                }
            }
            default -> {}
        }
    }

    /** As Bean Validation's {@code @Pattern} checks it, which is where the services' patterns come from. */
    private static boolean fullyMatches(String pattern, String text) {
        try {
            return Pattern.compile(pattern).matcher(text).matches();
        } catch (PatternSyntaxException notJava) {
            return true;
        }
    }
}
