package bookstore.testsupport.openapi;

import static bookstore.testsupport.openapi.ApiOperations.typeOf;

import bookstore.testsupport.openapi.ApiOperations.Body;
import bookstore.testsupport.openapi.ApiOperations.Operation;
import bookstore.testsupport.openapi.ApiOperations.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes the requests for one operation from a seeded {@link Random}: each starts as a plausible request (every
 * parameter and body field given a value its schema allows, or one the test knows exists) and then gets one kind of
 * damage: a parameter or body field replaced by a malformed value or left out, an unknown field, a body that is not
 * JSON, the wrong content type, or everything malformed at once.
 */
final class FuzzRequests {

    private static final JsonMapper JSON = JsonMapper.shared();

    private static final List<String> BROKEN_BODIES = List.of(
            "",
            " ",
            "{",
            "}",
            "[]",
            "null",
            "0",
            "\"text\"",
            "{\"a\":}",
            "{'single': 'quotes'}",
            "{\"a\":1,\"a\":2}",
            "{\"a\":1}garbage",
            "\uFEFF{}",
            "{\"\u0000\":\"\u0000\"}",
            "[".repeat(5_000) + "]".repeat(5_000),
            "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000),
            "[" + "0,".repeat(50_000) + "0]",
            "{\"n\":" + "9".repeat(5_000) + "}",
            "<xml>not json</xml>",
            "a=1&b=2");

    private static final List<String> WRONG_CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=fuzz",
            "application/octet-stream",
            "application/json; charset=ISO-8859-1",
            "application/x-fuzz",
            "text/csv");

    private enum Damage {
        NONE,
        PARAMETER,
        PARAMETER_MISSING,
        FIELD,
        FIELD_MISSING,
        FIELD_UNKNOWN,
        BODY,
        CONTENT_TYPE,
        EVERYTHING
    }

    private record Field(List<Object> path, Map<String, Object> schema) {}

    private final Operation operation;
    private final Map<String, Object> known;
    private final List<String> callers;
    private final Random random;
    private final List<Damage> damages = new ArrayList<>();

    FuzzRequests(Operation operation, Map<String, Object> known, List<String> callers, long seed) {
        this.operation = operation;
        this.known = known;
        this.callers = callers;
        this.random = new Random(seed);
        weigh(Damage.NONE, 1);
        weigh(Damage.EVERYTHING, 2);
        if (!operation.parameters().isEmpty()) {
            weigh(Damage.PARAMETER, 5);
        }
        if (operation.parameters().stream().anyMatch(Parameter::required)) {
            weigh(Damage.PARAMETER_MISSING, 1);
        }
        if (operation.bodies().stream().anyMatch(body -> body.mediaType().contains("json"))) {
            weigh(Damage.FIELD, 6);
            weigh(Damage.FIELD_MISSING, 2);
            weigh(Damage.FIELD_UNKNOWN, 1);
        }
        if (operation.takesABody()) {
            weigh(Damage.BODY, 2);
            weigh(Damage.CONTENT_TYPE, 1);
        }
    }

    private void weigh(Damage damage, int weight) {
        for (int i = 0; i < weight; i++) {
            damages.add(damage);
        }
    }

    FuzzRequest next(int attempt) {
        Damage damage = damages.get(random.nextInt(damages.size()));
        String caller = callers.get(random.nextInt(callers.size()));
        Map<String, Object> values = new LinkedHashMap<>();
        operation
                .parameters()
                .forEach(p -> values.put(p.name(), FuzzValues.plausible(p.name(), p.schema(), known, random)));
        Body body = operation.bodies().isEmpty()
                ? null
                : operation.bodies().get(random.nextInt(operation.bodies().size()));
        Object content = body == null ? null : FuzzValues.plausible(null, body.schema(), known, random);
        String contentType = body == null ? null : body.mediaType();
        String change = damage.name().toLowerCase().replace('_', ' ');
        switch (damage) {
            case NONE -> change = "nothing damaged";
            case PARAMETER -> {
                Parameter parameter = pick(operation.parameters());
                Object value = FuzzValues.malformed(parameter.schema(), FuzzValues.LONGEST_IN_URL, random);
                values.put(parameter.name(), value);
                change = parameter.in() + " parameter " + parameter.name() + " = " + shown(value);
            }
            case PARAMETER_MISSING -> {
                Parameter parameter = pick(operation.parameters().stream()
                        .filter(Parameter::required)
                        .toList());
                values.remove(parameter.name());
                change = "required " + parameter.in() + " parameter " + parameter.name() + " left out";
            }
            case FIELD, FIELD_MISSING, FIELD_UNKNOWN -> {
                List<Field> fields = new ArrayList<>();
                fieldsOf(content, body.schema(), new ArrayList<>(), fields);
                if (fields.isEmpty() || !(content instanceof Map || content instanceof List)) {
                    content = FuzzValues.malformedInJson(body.schema(), random);
                    change = "body = " + shown(content);
                } else {
                    Field field = pick(fields);
                    String where = String.join(
                            ".", field.path().stream().map(String::valueOf).toList());
                    if (damage == Damage.FIELD) {
                        Object value = FuzzValues.malformedInJson(field.schema(), random);
                        content = replaced(content, field.path(), () -> value);
                        change = "field " + where + " = " + shown(value);
                    } else if (damage == Damage.FIELD_MISSING) {
                        content = replaced(content, field.path(), null);
                        change = "field " + where + " left out";
                    } else {
                        List<Object> path = new ArrayList<>(
                                field.path().subList(0, field.path().size() - 1));
                        path.add("fuzz" + random.nextInt(100));
                        Object value = FuzzValues.malformedInJson(Map.of(), random);
                        content = replaced(content, path, () -> value);
                        change = "unknown field "
                                + String.join(
                                        ".", path.stream().map(String::valueOf).toList());
                    }
                }
            }
            case BODY -> {
                String broken =
                        random.nextInt(4) == 0 ? truncated(serialized(content, contentType)) : pick(BROKEN_BODIES);
                content = new Raw(broken);
                contentType = contentType == null ? "application/json" : contentType;
                change = "body is " + shown(broken);
            }
            case CONTENT_TYPE -> {
                contentType = pick(WRONG_CONTENT_TYPES);
                change = "Content-Type: " + contentType;
            }
            case EVERYTHING -> {
                for (Parameter parameter : operation.parameters()) {
                    values.put(
                            parameter.name(),
                            FuzzValues.malformed(parameter.schema(), FuzzValues.LONGEST_IN_URL, random));
                }
                if (body != null) {
                    content = FuzzValues.malformedInJson(body.schema(), random);
                }
                change = "every parameter and the body malformed";
            }
        }
        return request(attempt, caller, change, values, contentType, content);
    }

    private FuzzRequest request(
            int attempt, String caller, String change, Map<String, Object> values, String contentType, Object content) {
        String path = operation.path();
        StringBuilder query = new StringBuilder();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Parameter parameter : operation.parameters()) {
            if (!values.containsKey(parameter.name())) {
                if ("path".equals(parameter.in())) {
                    path = path.replace("{" + parameter.name() + "}", "");
                }
                continue;
            }
            Object value = values.get(parameter.name());
            switch (parameter.in()) {
                case "path" -> path = path.replace("{" + parameter.name() + "}", encoded(text(value)));
                case "header" -> headers.put(parameter.name(), headerSafe(text(value)));
                default -> queryOf(parameter, value, query);
            }
        }
        byte[] bytes = null;
        if (content != null || contentType != null) {
            bytes = serialized(content, contentType).getBytes(StandardCharsets.UTF_8);
            headers.put("Content-Type", contentType == null ? "application/json" : contentType);
        }
        return new FuzzRequest(
                operation.key(),
                attempt,
                caller,
                change,
                operation.method(),
                path + (query.isEmpty() ? "" : "?" + query),
                headers,
                bytes);
    }

    @SuppressWarnings("unchecked")
    private static void queryOf(Parameter parameter, Object value, StringBuilder query) {
        List<Map.Entry<String, Object>> pairs = new ArrayList<>();
        if ("object".equals(typeOf(parameter.schema()))) {
            if (value instanceof Map<?, ?> entries) {
                ((Map<String, Object>) entries).forEach((name, each) -> pairs.add(Map.entry(name, each)));
            } else {
                pairs.add(Map.entry("fuzz", value));
            }
        } else if (value instanceof List<?> items) {
            items.forEach(item -> pairs.add(Map.entry(parameter.name(), item)));
        } else {
            pairs.add(Map.entry(parameter.name(), value));
        }
        for (Map.Entry<String, Object> pair : pairs) {
            query.append(query.isEmpty() ? "" : "&")
                    .append(encoded(pair.getKey()))
                    .append('=')
                    .append(encoded(text(pair.getValue())));
        }
    }

    /** Walks the plausible body, noting where each field is and the schema it has there. */
    @SuppressWarnings("unchecked")
    private static void fieldsOf(Object value, Map<String, Object> schema, List<Object> path, List<Field> fields) {
        if (value instanceof Map<?, ?> object) {
            Map<String, Map<String, Object>> properties =
                    (Map<String, Map<String, Object>>) schema.getOrDefault("properties", Map.of());
            object.forEach((name, each) -> {
                List<Object> at = new ArrayList<>(path);
                at.add(name);
                Map<String, Object> property = properties.getOrDefault(name, Map.of());
                fields.add(new Field(at, property));
                fieldsOf(each, property, at, fields);
            });
        } else if (value instanceof List<?> items && !items.isEmpty()) {
            List<Object> at = new ArrayList<>(path);
            at.add(0);
            Map<String, Object> item = (Map<String, Object>) schema.getOrDefault("items", Map.of());
            fields.add(new Field(at, item));
            fieldsOf(items.getFirst(), item, at, fields);
        }
    }

    /** A copy of the JSON value with the one at the path replaced (or, with no replacement, removed). */
    @SuppressWarnings("unchecked")
    private static Object replaced(Object value, List<Object> path, Supplier<Object> replacement) {
        if (path.isEmpty()) {
            return replacement == null ? null : replacement.get();
        }
        Object step = path.getFirst();
        List<Object> rest = path.subList(1, path.size());
        if (value instanceof Map<?, ?> object) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) object);
            if (rest.isEmpty() && replacement == null) {
                copy.remove((String) step);
            } else {
                copy.put((String) step, replaced(copy.get(step), rest, replacement));
            }
            return copy;
        }
        if (value instanceof List<?> items && step instanceof Integer index && index < items.size()) {
            List<Object> copy = new ArrayList<>(items);
            if (rest.isEmpty() && replacement == null) {
                copy.remove((int) index);
            } else {
                copy.set(index, replaced(copy.get(index), rest, replacement));
            }
            return copy;
        }
        return value;
    }

    /** A body sent as these characters, not as JSON. */
    private record Raw(String text) {}

    private static String serialized(Object content, String contentType) {
        if (content instanceof Raw raw) {
            return raw.text();
        }
        if (contentType != null && !contentType.contains("json") && content instanceof String text) {
            return text;
        }
        return JSON.writeValueAsString(content);
    }

    private String truncated(String text) {
        return text.isEmpty() ? text : text.substring(0, random.nextInt(text.length()));
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map || value instanceof List) {
            return JSON.writeValueAsString(value);
        }
        return String.valueOf(value);
    }

    private static String encoded(String value) {
        return UriUtils.encode(value, StandardCharsets.UTF_8);
    }

    /** A header cannot carry line breaks or characters beyond Latin-1: no client could send them. */
    private static String headerSafe(String value) {
        StringBuilder safe = new StringBuilder();
        value.chars().forEach(c -> safe.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        return safe.toString();
    }

    private static String shown(Object value) {
        String text = value instanceof String string ? "\"" + string + "\"" : String.valueOf(value);
        return FuzzRequest.visible(
                text.length() > 80 ? text.substring(0, 80) + "…(" + text.length() + " chars)" : text);
    }
}
