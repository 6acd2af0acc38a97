package bookstore.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * An example for every JSON request body that has none, built from the body's schema: a value a schema already gives
 * ({@code @Schema(example = …)}), else the first of an enum, else one made by type, format and the field's name (an
 * email for {@code email}, {@code CNY} for {@code currency}, a minimum for a number that has one), checked against a
 * string's pattern. A handler whose body this would describe wrongly gives its own ({@code @ExampleObject}, or
 * {@code @Schema(example = …)} on the field); test-support's {@code ApiDescriptionContract} checks each example against
 * its schema.
 */
final class RequestExamples implements OpenApiCustomizer {

    private static final int DEEPEST = 6;

    private static final String SCHEMAS = "#/components/schemas/";

    /** Values by a string field's name, for fields whose name says more than their type. First match wins. */
    private static final Map<String, String> BY_NAME = byName();

    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9_ .-]+");

    private Map<String, Schema> schemas = Map.of();

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        schemas = api.getComponents() == null || api.getComponents().getSchemas() == null
                ? Map.of()
                : api.getComponents().getSchemas();
        api.getPaths().values().forEach(item -> item.readOperations().forEach(this::describe));
    }

    private void describe(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        operation.getRequestBody().getContent().forEach((type, media) -> {
            if (isJson(type) && !hasExample(media) && media.getSchema() != null) {
                media.setExample(valueOf(media.getSchema(), "", new HashSet<>(), 0));
            }
        });
    }

    static boolean isJson(String mediaType) {
        String type = mediaType.toLowerCase(Locale.ROOT);
        return type.startsWith("application/json") || type.contains("+json");
    }

    static boolean hasExample(MediaType media) {
        return media.getExample() != null
                || (media.getExamples() != null && !media.getExamples().isEmpty());
    }

    private @Nullable Object valueOf(Schema<?> schema, String name, Set<String> visiting, int depth) {
        if (depth > DEEPEST) {
            return null;
        }
        if (schema.get$ref() != null) {
            String ref = schema.get$ref();
            Schema<?> target = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
            if (target == null || !ref.startsWith(SCHEMAS) || !visiting.add(ref)) {
                return null;
            }
            try {
                return valueOf(target, name, visiting, depth + 1);
            } finally {
                visiting.remove(ref);
            }
        }
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return schema.getExamples().getFirst();
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return schema.getEnum().getFirst();
        }
        if (schema.getDefault() != null) {
            return schema.getDefault();
        }
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            Map<String, Object> merged = new LinkedHashMap<>();
            schema.getAllOf().forEach(part -> {
                if (valueOf(part, name, visiting, depth + 1) instanceof Map<?, ?> object) {
                    object.forEach((key, value) -> merged.put(String.valueOf(key), value));
                }
            });
            return merged;
        }
        List<Schema> alternatives = schema.getOneOf() != null ? schema.getOneOf() : schema.getAnyOf();
        if (alternatives != null && !alternatives.isEmpty()) {
            return valueOf(alternatives.getFirst(), name, visiting, depth + 1);
        }
        return switch (typeOf(schema)) {
            case "object" -> objectOf(schema, visiting, depth);
            case "array" -> arrayOf(schema, name, visiting, depth);
            case "string" -> stringFor(schema, name);
            case "integer" -> numberFor(schema, name).longValue();
            case "number" -> numberFor(schema, name);
            case "boolean" -> false;
            default -> null;
        };
    }

    static String typeOf(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null) {
            return schema.getTypes().stream()
                    .filter(type -> !"null".equals(type))
                    .findFirst()
                    .orElse("");
        }
        return schema.getProperties() != null ? "object" : schema.getItems() != null ? "array" : "";
    }

    private Map<String, Object> objectOf(Schema<?> schema, Set<String> visiting, int depth) {
        Map<String, Object> object = new LinkedHashMap<>();
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((property, propertySchema) -> {
                if (!Boolean.TRUE.equals(propertySchema.getReadOnly())) {
                    Object value = valueOf(propertySchema, property, visiting, depth + 1);
                    if (value != null) {
                        object.put(property, value);
                    }
                }
            });
        }
        return object;
    }

    private List<Object> arrayOf(Schema<?> schema, String name, Set<String> visiting, int depth) {
        List<Object> items = new ArrayList<>();
        Schema<?> itemSchema = schema.getItems();
        if (itemSchema == null) {
            return items;
        }
        int count = Math.max(1, schema.getMinItems() == null ? 1 : schema.getMinItems());
        Schema<?> resolved = itemSchema.get$ref() == null
                ? itemSchema
                : schemas.getOrDefault(itemSchema.get$ref().substring(SCHEMAS.length()), itemSchema);
        if (Boolean.TRUE.equals(schema.getUniqueItems()) && resolved.getEnum() != null) {
            return new ArrayList<>(resolved.getEnum()
                    .subList(0, Math.min(count, resolved.getEnum().size())));
        }
        Object item = valueOf(itemSchema, singular(name), visiting, depth + 1);
        if (item != null) {
            for (int i = 0; i < count; i++) {
                items.add(item);
            }
        }
        return items;
    }

    private static String stringFor(Schema<?> schema, String name) {
        String value =
                switch (schema.getFormat() == null ? "" : schema.getFormat()) {
                    case "email" -> "reader@example.com";
                    case "uuid" -> "0b9c2f5e-1d3a-4c1e-9f6a-2b7f0c3d4e5f";
                    case "date-time" -> "2026-05-01T08:00:00Z";
                    case "date" -> "2026-05-01";
                    case "uri", "url" -> "https://bookstore.example/";
                    default -> byItsName(name);
                };
        if (schema.getPattern() != null && !matches(schema.getPattern(), value)) {
            value = literalAlternative(schema.getPattern(), value);
        }
        if (schema.getMaxLength() != null && value.length() > schema.getMaxLength()) {
            value = value.substring(0, schema.getMaxLength());
        }
        return value;
    }

    private static String byItsName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return BY_NAME.entrySet().stream()
                .filter(hint -> lower.contains(hint.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(name.isEmpty() ? "text" : name);
    }

    private static BigDecimal numberFor(Schema<?> schema, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        BigDecimal value =
                lower.contains("amount") || lower.contains("price") ? BigDecimal.valueOf(4800) : BigDecimal.ONE;
        if (schema.getMinimum() != null && value.compareTo(schema.getMinimum()) < 0) {
            value = schema.getMinimum();
        }
        if (schema.getMaximum() != null && value.compareTo(schema.getMaximum()) > 0) {
            value = schema.getMaximum();
        }
        return value;
    }

    static boolean matches(String pattern, String value) {
        try {
            return Pattern.compile(pattern).matcher(value).matches();
        } catch (PatternSyntaxException e) {
            return true;
        }
    }

    /** A pattern such as {@code zh-CN|en} or {@code pm_[A-Za-z0-9_]+|alipay_qr}: one of its plain words. */
    private static String literalAlternative(String pattern, String otherwise) {
        for (String alternative : pattern.split("\\|")) {
            if (LITERAL.matcher(alternative).matches() && matches(pattern, alternative)) {
                return alternative;
            }
        }
        return otherwise;
    }

    private static String singular(String name) {
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    private static Map<String, String> byName() {
        Map<String, String> hints = new LinkedHashMap<>();
        hints.put("email", "reader@example.com");
        hints.put("password", "Reading-Lamp-and-Tea-7");
        hints.put("isbn", "9787536692930");
        hints.put("currency", "CNY");
        hints.put("country", "CN");
        hints.put("postalcode", "100000");
        hints.put("phone", "+8613800138000");
        hints.put("image", "https://covers.bookstore.example/9787536692930.jpg");
        hints.put("url", "https://bookstore.example/");
        hints.put("language", "zh-CN");
        hints.put("paymentmethod", "pm_card_visa");
        hints.put("provider", "sandbox");
        hints.put("date", "2008-01-01");
        hints.put("bookid", "6650f0c2a1b2c3d4e5f60718");
        hints.put("displayname", "林读者");
        hints.put("recipient", "林读者");
        hints.put("author", "刘慈欣");
        hints.put("translator", "Ken Liu");
        hints.put("publisher", "重庆出版社");
        hints.put("subtitle", "地球往事");
        hints.put("title", "三体");
        hints.put("categor", "科幻");
        hints.put("line1", "长安街 1 号");
        hints.put("line2", "3 单元 502 室");
        hints.put("region", "北京市");
        hints.put("edition", "第 1 版");
        hints.put("city", "北京");
        hints.put("province", "北京市");
        hints.put("district", "东城区");
        hints.put("carrier", "shunfeng");
        hints.put("trackingnumber", "SF1234567890");
        hints.put("token", "eyJhbGciOiJSUzI1NiJ9.example.signature");
        hints.put("reason", "Arrived damaged");
        hints.put("note", "Delivery from the publisher");
        hints.put("text", "A book I could not put down.");
        hints.put("description", "The first book of the Remembrance of Earth's Past trilogy.");
        return hints;
    }
}
