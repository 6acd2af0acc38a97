import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** The knobs run.sh passes in the environment, and the key=value files each step leaves in out/. */
final class BenchEnv {

    String text(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set");
        }
        return value.trim();
    }

    int integer(String name, int fallback) {
        return Integer.parseInt(text(name, String.valueOf(fallback)));
    }

    /** key=value lines, sorted, without escapes (Results reads them split at the first '='). */
    static void write(Path file, Properties values) throws IOException {
        Map<String, String> sorted = new TreeMap<>();
        values.forEach((key, value) -> sorted.put(key.toString(), value.toString()));
        try (Writer writer = Files.newBufferedWriter(file)) {
            for (Map.Entry<String, String> entry : sorted.entrySet()) {
                writer.write(entry.getKey() + "=" + entry.getValue().replace('\n', ' ') + "\n");
            }
        }
    }
}
