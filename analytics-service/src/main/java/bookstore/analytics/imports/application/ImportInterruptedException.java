package bookstore.analytics.imports.application;

/** Kafka stopped taking an import's events part way: some were published, the rest not. */
public class ImportInterruptedException extends RuntimeException {

    private final int published;
    private final int lines;

    ImportInterruptedException(int published, int lines) {
        super("Kafka took " + published + " of the " + lines
                + " lines before it stopped answering. Importing the same file again is safe: its lines get the same"
                + " event ids, and analytics counts each once.");
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
