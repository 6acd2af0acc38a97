package bookstore.analytics.imports.application;

import bookstore.analytics.imports.domain.LineProblem;
import java.util.List;

/**
 * A file of past sales with problems: nothing of it was published.
 *
 * @param unreadable whether the file is not one of past sales at all (no header, or other columns), rather than
 *     one with invalid lines
 */
public class ImportRefusedException extends RuntimeException {

    private final List<LineProblem> problems;
    private final int problemCount;
    private final boolean unreadable;

    ImportRefusedException(List<LineProblem> problems, int problemCount, boolean unreadable) {
        super(problemCount + " problem(s) in the file; nothing was imported.");
        this.problems = List.copyOf(problems);
        this.problemCount = problemCount;
        this.unreadable = unreadable;
    }

    /** The first problems, in the order of the file. */
    public List<LineProblem> problems() {
        return problems;
    }

    public int problemCount() {
        return problemCount;
    }

    public boolean unreadable() {
        return unreadable;
    }
}
