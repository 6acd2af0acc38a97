package bookstore.gateway.caching;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The directives of one or more {@code Cache-Control} header values (RFC 9111 section 5.2): names compared without
 * case, each value split at its commas, quoted arguments unquoted. A directive that appears twice keeps its first
 * argument.
 */
record CacheDirectives(Map<String, String> directives) {

    static final CacheDirectives NONE = new CacheDirectives(Map.of());

    static CacheDirectives parse(List<String> headerValues) {
        if (headerValues == null || headerValues.isEmpty()) {
            return NONE;
        }
        Map<String, String> directives = new HashMap<>();
        for (String value : headerValues) {
            for (String directive : value.split(",")) {
                int equals = directive.indexOf('=');
                String name = (equals < 0 ? directive : directive.substring(0, equals))
                        .trim()
                        .toLowerCase(Locale.ROOT);
                String argument = equals < 0
                        ? ""
                        : unquoted(directive.substring(equals + 1).trim());
                if (!name.isEmpty()) {
                    directives.putIfAbsent(name, argument);
                }
            }
        }
        return new CacheDirectives(Map.copyOf(directives));
    }

    boolean has(String directive) {
        return directives.containsKey(directive);
    }

    /**
     * How long a shared cache may use the response: {@code s-maxage} if present, otherwise {@code max-age}; empty when
     * neither is a valid number of seconds.
     */
    Optional<Duration> sharedMaxAge() {
        return seconds("s-maxage").or(() -> seconds("max-age"));
    }

    private Optional<Duration> seconds(String directive) {
        String argument = directives.get(directive);
        if (argument == null || argument.isEmpty() || !argument.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(argument)));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    private static String unquoted(String argument) {
        return argument.length() >= 2 && argument.startsWith("\"") && argument.endsWith("\"")
                ? argument.substring(1, argument.length() - 1)
                : argument;
    }
}
