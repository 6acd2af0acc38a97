package bookstore.testsupport.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operations an OpenAPI document describes, as the fuzzer needs them: method, path, parameters and request
 * bodies, with every {@code $ref} to {@code components/schemas} resolved (a schema that refers to itself stops at
 * the second visit, as an open object).
 */
final class ApiOperations {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private ApiOperations() {}

    record Parameter(String name, String in, boolean required, Map<String, Object> schema) {}

    record Body(String mediaType, boolean required, Map<String, Object> schema) {}

    record Operation(String method, String path, List<Parameter> parameters, List<Body> bodies) {

        String key() {
            return method + " " + path;
        }

        boolean takesABody() {
            return !bodies.isEmpty() || Set.of("POST", "PUT", "PATCH").contains(method);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Operation> of(Map<String, Object> document) {
        Map<String, Object> schemas = (Map<String, Object>)
                ((Map<String, Object>) document.getOrDefault("components", Map.of())).getOrDefault("schemas", Map.of());
        List<Operation> operations = new ArrayList<>();
        ((Map<String, Map<String, Object>>) document.getOrDefault("paths", Map.of()))
                .forEach((path, item) -> item.forEach((method, value) -> {
                    if (METHODS.contains(method)) {
                        operations.add(operation(method.toUpperCase(), path, (Map<String, Object>) value, schemas));
                    }
                }));
        return operations;
    }

    @SuppressWarnings("unchecked")
    private static Operation operation(
            String method, String path, Map<String, Object> spec, Map<String, Object> schemas) {
        List<Parameter> parameters = new ArrayList<>();
        for (Map<String, Object> parameter : (List<Map<String, Object>>) spec.getOrDefault("parameters", List.of())) {
            parameters.add(new Parameter(
                    (String) parameter.get("name"),
                    (String) parameter.get("in"),
                    Boolean.TRUE.equals(parameter.get("required")),
                    resolve((Map<String, Object>) parameter.getOrDefault("schema", Map.of()), schemas, List.of())));
        }
        List<Body> bodies = new ArrayList<>();
        Map<String, Object> requestBody = (Map<String, Object>) spec.get("requestBody");
        if (requestBody != null) {
            ((Map<String, Map<String, Object>>) requestBody.getOrDefault("content", Map.of()))
                    .forEach((mediaType, content) -> {
                        Map<String, Object> schema = new LinkedHashMap<>(resolve(
                                (Map<String, Object>) content.getOrDefault("schema", Map.of()), schemas, List.of()));
                        if (content.containsKey("example")) {
                            schema.putIfAbsent("example", content.get("example"));
                        }
                        bodies.add(new Body(mediaType, Boolean.TRUE.equals(requestBody.get("required")), schema));
                    });
        }
        return new Operation(method, path, List.copyOf(parameters), List.copyOf(bodies));
    }

    /** A copy of the schema with its references, and those of its properties and items, replaced by their targets. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(
            Map<String, Object> schema, Map<String, Object> schemas, List<String> seen) {
        Object ref = schema.get("$ref");
        if (ref instanceof String reference) {
            String name = reference.substring(reference.lastIndexOf('/') + 1);
            if (seen.contains(name) || !schemas.containsKey(name)) {
                return Map.of("type", "object");
            }
            List<String> path = new ArrayList<>(seen);
            path.add(name);
            return resolve((Map<String, Object>) schemas.get(name), schemas, path);
        }
        Map<String, Object> resolved = new LinkedHashMap<>(schema);
        if (schema.get("properties") instanceof Map<?, ?> properties) {
            Map<String, Object> each = new LinkedHashMap<>();
            ((Map<String, Object>) properties)
                    .forEach(
                            (name, property) -> each.put(name, resolve((Map<String, Object>) property, schemas, seen)));
            resolved.put("properties", each);
        }
        if (schema.get("items") instanceof Map<?, ?> items) {
            resolved.put("items", resolve((Map<String, Object>) items, schemas, seen));
        }
        if (schema.get("additionalProperties") instanceof Map<?, ?> values) {
            resolved.put("additionalProperties", resolve((Map<String, Object>) values, schemas, seen));
        }
        for (String choice : List.of("oneOf", "anyOf", "allOf")) {
            if (schema.get(choice) instanceof List<?> options && !options.isEmpty()) {
                // The first alternative stands for all: the fuzzer needs one plausible shape, not every one.
                resolved.remove(choice);
                resolved.putAll(resolve((Map<String, Object>) options.getFirst(), schemas, seen));
            }
        }
        return resolved;
    }

    /** The schema's type: the first that is not null when OpenAPI 3.1 lists several. */
    static String typeOf(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type instanceof List<?> types) {
            return types.stream()
                    .map(String::valueOf)
                    .filter(t -> !"null".equals(t))
                    .findFirst()
                    .orElse("string");
        }
        if (type instanceof String named) {
            return named;
        }
        return schema.containsKey("properties") ? "object" : "string";
    }
}
