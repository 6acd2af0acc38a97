package bookstore.analytics.imports.domain;

/**
 * Why one line of an import cannot be taken.
 *
 * @param line the line's number in the file, the header being line 1
 * @param column the column at fault, or null when the line as a whole is
 */
public record LineProblem(int line, String column, String message) {}
