package bookstore.analytics.imports.application;

/**
 * Kafka stopped taking an import's events part way: some were published, maybe more than are known to be.
 *
 * @see #published() the lines known to be published: the file's first ones
 */
public class ImportInterruptedException extends RuntimeException {

    private final int published;
    private final int lines;

    ImportInterruptedException(int published, int lines, Throwable cause) {
        super(
                "Kafka took at least " + published + " of the " + lines
                        + " lines before it stopped taking them. Importing the same file again is safe: its lines get the same"
                        + " event ids, and analytics counts each once.",
                cause);
        this.published = published;
        this.lines = lines;
    }

    public int published() {
        return published;
    }

    public int lines() {
        return lines;
    }
}
