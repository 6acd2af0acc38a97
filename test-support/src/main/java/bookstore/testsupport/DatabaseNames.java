package bookstore.testsupport;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** Unique, readable names that both PostgreSQL and MongoDB accept without quoting. */
final class DatabaseNames {

    private static final int MAX_LABEL_LENGTH = 40;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private DatabaseNames() {}

    static String next(String label) {
        String base = label.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
            base = "test_" + base;
        }
        if (base.length() > MAX_LABEL_LENGTH) {
            base = base.substring(0, MAX_LABEL_LENGTH);
        }
        return base + "_" + SEQUENCE.incrementAndGet();
    }
}
