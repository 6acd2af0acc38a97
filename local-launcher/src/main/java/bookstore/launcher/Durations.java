package bookstore.launcher;

import java.util.Locale;

final class Durations {

    private Durations() {}

    static String since(long startNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
