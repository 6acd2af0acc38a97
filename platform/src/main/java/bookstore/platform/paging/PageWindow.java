package bookstore.platform.paging;

import bookstore.platform.web.Problems;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * How deep any listing of the shop may be paged, the one rule every {@code page} parameter follows. Like
 * Elasticsearch's {@code max_result_window}, a listing shows its first {@value #MAX_RESULT_WINDOW} items and no more:
 * page {@code p} (from 0) of size {@code s} is allowed when {@code (p + 1) × s ≤ 10,000}, so the last page is
 * {@code 10,000 / s − 1} (499 at size 20, 99 at size 100). The product is worked out in {@code long}, so no
 * {@code page × size} overflows, and an allowed page's offset is below 10,000. Deeper pages cost the database or the
 * index more than they are worth to anyone; a client that needs more narrows its filters.
 *
 * <p>A page parameter declares {@code @Min(0) @Max(PageWindow.MAX_PAGE)} (the deepest page at size 1, so the API
 * description shows a bound) and the handler checks the window against the size asked for with {@link #check} (or,
 * for parameters bound into a record, an {@code @AssertTrue} on {@link #isBeyond}) before anything reaches a database
 * or an index. A page beyond the window is a 400 {@code validation} problem whose {@code errors} name {@code page} and
 * say the last page for that size.
 */
public final class PageWindow {

    /** How many items of a listing can be reached by paging. */
    public static final int MAX_RESULT_WINDOW = 10_000;

    /** The deepest page of all, at size 1; the bound a {@code page} parameter declares. */
    public static final int MAX_PAGE = MAX_RESULT_WINDOW - 1;

    /** The message of a page beyond the window when the size is not known to the message (a constraint's). */
    public static final String BEYOND = "page × size must stay within the first " + MAX_RESULT_WINDOW
            + " items: the last page is " + MAX_RESULT_WINDOW + " / size − 1";

    private PageWindow() {}

    /** Whether page {@code page} (from 0) of size {@code size} lies within the window; false for a negative page. */
    public static boolean allows(long page, long size) {
        return page >= 0 && size >= 1 && (page + 1) * size <= MAX_RESULT_WINDOW;
    }

    /**
     * Whether a page that its own constraints accept ({@code 0..MAX_PAGE}, or null for the first page) lies beyond the
     * window at this size; a page those constraints refuse is theirs to report, so it is not reported twice.
     */
    public static boolean isBeyond(Integer page, int size) {
        return page != null && page >= 0 && page <= MAX_PAGE && !allows(page, size);
    }

    /** The deepest page of size {@code size} (at least 1) within the window. */
    public static int lastPage(int size) {
        return MAX_RESULT_WINDOW / Math.max(size, 1) - 1;
    }

    /**
     * Refuses a page beyond the window (or a negative one, or a size below 1), with a 400 validation problem.
     *
     * @throws BeyondWindowException unless {@link #allows} the page
     */
    public static void check(int page, int size) {
        if (!allows(page, size)) {
            throw new BeyondWindowException(page, size);
        }
    }

    /** A page beyond the window: answered as every invalid parameter is, a 400 {@code validation} problem. */
    public static final class BeyondWindowException extends ErrorResponseException {

        BeyondWindowException(int page, int size) {
            super(HttpStatus.BAD_REQUEST, problem(page, size), null);
        }

        private static ProblemDetail problem(int page, int size) {
            String field = size < 1 ? "size" : "page";
            String message = size < 1
                    ? "must be greater than or equal to 1"
                    : page < 0
                            ? "must be greater than or equal to 0"
                            : "must be at most " + lastPage(size) + " with size " + size
                                    + ": a listing shows its first " + MAX_RESULT_WINDOW + " items";
            ProblemDetail problem = Problems.of(
                    HttpStatus.BAD_REQUEST,
                    "validation",
                    "Invalid request",
                    "The request has invalid parameters: a listing can be paged through its first " + MAX_RESULT_WINDOW
                            + " items only.");
            problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
            return problem;
        }
    }
}
