package bookstore.launcher;

import java.util.Optional;

/**
 * Makes a service's log line readable on the console. The services log structured JSON (Elastic
 * Common Schema), where one line can hold a whole stack trace; shown raw, the line that says why a
 * service failed scrolls off the screen.
 */
final class LogLines {

    static final int MAX_LENGTH = 600;

    private LogLines() {}

    /** {@code LEVEL message: ErrorType: error message} for a JSON line, anything else as it is; never too long. */
    static String readable(String line) {
        String readable = line.startsWith("{") ? structured(line).orElse(line) : line;
        return readable.length() <= MAX_LENGTH ? readable : readable.substring(0, MAX_LENGTH) + " [...]";
    }

    private static Optional<String> structured(String line) {
        int error = line.indexOf("\"error\":{");
        return string(line, "message", 0).map(message -> {
            StringBuilder text = new StringBuilder();
            string(line, "level", 0).ifPresent(level -> text.append(String.format("%-5s ", level)));
            text.append(message);
            if (error >= 0) {
                string(line, "type", error).ifPresent(type -> text.append(": ").append(type));
                string(line, "message", error)
                        .ifPresent(detail -> text.append(": ").append(detail));
            }
            return text.toString();
        });
    }

    /** The string value of the first {@code "key":"..."} at or after {@code from}, unescaped. */
    private static Optional<String> string(String json, String key, int from) {
        String opening = "\"" + key + "\":\"";
        int start = json.indexOf(opening, from);
        if (start < 0) {
            return Optional.empty();
        }
        StringBuilder value = new StringBuilder();
        for (int i = start + opening.length(); i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                return Optional.of(value.toString());
            }
            if (c == '\\' && i + 1 < json.length()) {
                char escaped = json.charAt(++i);
                // Whitespace escapes become spaces: the console line is one line.
                value.append(
                        switch (escaped) {
                            case 'n', 't', 'r' -> ' ';
                            default -> escaped;
                        });
            } else {
                value.append(c);
            }
        }
        return Optional.empty();
    }
}
