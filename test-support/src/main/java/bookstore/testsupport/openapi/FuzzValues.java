package bookstore.testsupport.openapi;

import static bookstore.testsupport.openapi.ApiOperations.typeOf;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The values the fuzzer sends: a plausible one for a schema (its example, a known value, the first of its enum, or
 * one of the right type within its bounds), so a request gets past the first check, and the malformed ones that
 * stand in for it: boundary and overflowing numbers, invalid UUIDs and dates, empty, blank and too long text, text
 * in Chinese, with control characters or markup, values of the wrong JSON type, and {@code null}.
 */
final class FuzzValues {

    /** Longest text put in a path, query or header: longer is refused by the HTTP server, before the service. */
    static final int LONGEST_IN_URL = 1_000;

    private static final List<Object> NASTY_TEXT = List.of(
            "",
            " ",
            "   \t ",
            "null",
            "undefined",
            "0",
            "-1",
            "true",
            "书店",
            "《三体》刘慈欣 著 · 重庆出版社",
            "𠮷野家 📚🐉",
            "\u0000",
            "a\u0000b",
            "\u0007\u001b[31m\u007f",
            "line\nbreak\r\n",
            "\uFEFFbom",
            "\u202Eevil\u202C",
            "e\u0301\u0301\u0301",
            "\uD800",
            "<script>alert(1)</script>",
            "<b onmouseover=alert(1)>x</b>",
            "'; DROP TABLE books; --",
            "\" OR \"1\"=\"1",
            "{{7*7}}${7*7}#{7*7}",
            "${jndi:ldap://example.invalid/a}",
            "%00%2e%2e%2f",
            "../../../../etc/passwd",
            "{\"$gt\": \"\"}",
            "*",
            "\\",
            "%",
            "_",
            "[a-",
            "(((((((((a",
            "AND OR NOT ~ ^ \" : ( ) [ ] { } \\ / + - && || !",
            "00000000-0000-0000-0000-000000000000",
            "00000000-0000-0000-0000-00000000000g",
            "123e4567e89b12d3a456426614174000",
            "123e4567-e89b-12d3-a456-4266141740000",
            "not-a-uuid",
            "2026-02-30",
            "0000-00-00",
            "-999999999-01-01",
            "+1000000000-12-31",
            "2026-13-01T25:61:61Z",
            "1970-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z",
            "NaN",
            "Infinity",
            "-Infinity",
            "1e309",
            "-0",
            "0x7fffffff",
            "1_000",
            "١٢٣",
            "12.5",
            "2147483648",
            "-2147483649",
            "9223372036854775808",
            "-9223372036854775809",
            "99999999999999999999999999999999999999",
            "a@b",
            "@",
            "mailto:a@example.com",
            "javascript:alert(1)",
            "http://",
            "ftp://example.com/x");

    private static final List<Object> NASTY_NUMBERS = List.of(
            0,
            -1,
            1,
            Integer.MAX_VALUE,
            Integer.MIN_VALUE,
            2_147_483_648L,
            -2_147_483_649L,
            Long.MAX_VALUE,
            Long.MIN_VALUE,
            new BigInteger("9223372036854775808"),
            new BigInteger("-99999999999999999999999999999999"),
            new BigDecimal("0.5"),
            new BigDecimal("-0.0001"),
            new BigDecimal("1E+400"),
            new BigDecimal("1E-400"),
            Double.MAX_VALUE,
            -Double.MAX_VALUE,
            Double.MIN_VALUE);

    private FuzzValues() {}

    /** Anything the fuzzer puts where the schema's value belongs. */
    static Object malformed(Map<String, Object> schema, int longest, Random random) {
        int tooLong = Math.min(longest, intOf(schema.get("maxLength"), 300) + 1);
        List<Supplier<Object>> choices = new ArrayList<>(List.of(
                () -> pick(NASTY_TEXT, random),
                () -> pick(NASTY_NUMBERS, random),
                random::nextInt,
                random::nextLong,
                () -> {
                    BigInteger huge = new BigInteger(127, random);
                    return random.nextBoolean() ? huge : huge.negate();
                },
                () -> text(random, random.nextInt(41), 0x1, Character.MAX_CODE_POINT),
                () -> text(random, 1 + random.nextInt(60), '\u4e00', '\u9fa5'),
                () -> text(random, 1 + random.nextInt(8), '\u0000', '\u001f'),
                () -> text(random, tooLong + random.nextInt(Math.max(tooLong, longest) - tooLong + 1), 'a', 'z'),
                random::nextBoolean,
                () -> UUID.nameUUIDFromBytes(schema.toString().getBytes()).toString()));
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            choices.add(() -> String.valueOf(pick(values, random)).toLowerCase() + " ");
        }
        return pick(choices, random).get();
    }

    /** What a JSON body carries where the schema's value belongs: the above, or a value of the wrong JSON type. */
    static Object malformedInJson(Map<String, Object> schema, Random random) {
        int draw = random.nextInt(10);
        if (draw < 8) {
            return malformed(schema, 20_000, random);
        }
        return draw == 8 ? null : pick(WRONG_JSON_TYPES, random);
    }

    private static final List<Object> WRONG_JSON_TYPES =
            List.of(List.of(), List.of("a", 1), Map.of(), Map.of("a", Map.of()));

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    /** Text of the given length from a range of code points, surrogate halves left out (they are not characters). */
    private static String text(Random random, int length, int lowest, int highest) {
        StringBuilder text = new StringBuilder(length);
        while (text.codePointCount(0, text.length()) < length) {
            int codePoint = lowest + random.nextInt(highest - lowest + 1);
            if (codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }

    /** A value the schema allows, as far as the fuzzer can tell: enough to get past a first check. */
    @SuppressWarnings("unchecked")
    static Object plausible(String name, Map<String, Object> schema, Map<String, Object> known, Random random) {
        if (name != null && known.containsKey(name)) {
            return known.get(name);
        }
        if (schema.containsKey("example")) {
            return schema.get("example");
        }
        if (schema.containsKey("default")) {
            return schema.get("default");
        }
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(random.nextInt(values.size()));
        }
        return switch (typeOf(schema)) {
            case "integer" ->
                Math.min(Math.max(1, intOf(schema.get("minimum"), 1)), intOf(schema.get("maximum"), 1_000));
            case "number" -> 1.5;
            case "boolean" -> random.nextBoolean();
            case "array" -> {
                List<Object> items = new ArrayList<>();
                int count = Math.max(1, intOf(schema.get("minItems"), 1));
                for (int i = 0; i < count; i++) {
                    items.add(plausible(
                            null, (Map<String, Object>) schema.getOrDefault("items", Map.of()), known, random));
                }
                yield items;
            }
            case "object" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                ((Map<String, Map<String, Object>>) schema.getOrDefault("properties", Map.of()))
                        .forEach((property, value) -> object.put(property, plausible(property, value, known, random)));
                yield object;
            }
            default -> text(schema, random);
        };
    }

    private static String text(Map<String, Object> schema, Random random) {
        String format = String.valueOf(schema.get("format"));
        return switch (format) {
            case "uuid" -> new UUID(random.nextLong(), random.nextLong()).toString();
            case "date" -> "2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10);
            case "date-time" -> "2026-03-1" + random.nextInt(10) + "T10:15:30Z";
            case "email" -> "fuzz" + random.nextInt(1_000_000) + "@example.com";
            case "uri", "uri-reference" -> "https://example.com/fuzz";
            default -> {
                int least = intOf(schema.get("minLength"), 1);
                int most = intOf(schema.get("maxLength"), 20);
                String text = "fuzz书" + Integer.toString(random.nextInt(1 << 20), 36);
                while (text.length() < least) {
                    text += text;
                }
                yield text.substring(0, Math.max(least, Math.min(most, text.length())));
            }
        };
    }

    private static int intOf(Object value, int otherwise) {
        if (value instanceof Number number) {
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, number.longValue()));
        }
        return otherwise;
    }
}
