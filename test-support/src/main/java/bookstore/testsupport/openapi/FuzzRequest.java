package bookstore.testsupport.openapi;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One request the fuzzer sends: to which operation, as whom, what was made wrong in it, and the request itself, so
 * that a failure prints everything needed to send it again by hand.
 */
record FuzzRequest(
        String operation,
        int attempt,
        String caller,
        String change,
        String method,
        String uri,
        Map<String, String> headers,
        byte[] body) {

    private static final int SHOWN = 600;

    @Override
    public String toString() {
        StringBuilder shown = new StringBuilder()
                .append(operation)
                .append(" #")
                .append(attempt)
                .append(" as ")
                .append(caller)
                .append(", ")
                .append(change)
                .append('\n')
                .append("    ")
                .append(method)
                .append(' ')
                .append(uri.length() > SHOWN ? uri.substring(0, SHOWN) + "…(" + uri.length() + " chars)" : uri);
        headers.forEach((name, value) ->
                shown.append("\n    ").append(name).append(": ").append(visible(value)));
        if (body != null) {
            String text = new String(body, StandardCharsets.UTF_8);
            shown.append("\n    ")
                    .append(visible(text.length() > SHOWN ? text.substring(0, SHOWN) : text))
                    .append(text.length() > SHOWN ? "…(" + body.length + " bytes)" : "");
        }
        return shown.toString();
    }

    /** Control characters as Java escapes, so the printed request can be pasted back into a test. */
    static String visible(String text) {
        StringBuilder visible = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT
                    || Character.isSurrogate((char) c)) {
                visible.append(String.format("\\u%04x", c));
            } else {
                visible.appendCodePoint(c);
            }
        });
        return visible.toString();
    }
}
