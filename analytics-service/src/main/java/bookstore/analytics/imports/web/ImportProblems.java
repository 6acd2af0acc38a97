package bookstore.analytics.imports.web;

import bookstore.analytics.imports.application.ImportInterruptedException;
import bookstore.analytics.imports.application.ImportRefusedException;
import bookstore.analytics.imports.domain.LineProblem;
import bookstore.platform.web.Problems;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The import's refusals, as problem details with stable types. Stores not ready yet are the module's {@code
 * StoreProblems}' 503.
 */
@RestControllerAdvice(assignableTypes = ImportController.class)
@Order(0)
class ImportProblems {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    /**
     * A file that is not one of past sales is a bad request; one with invalid lines cannot be processed. Either way
     * the problem lists the first problems with their line numbers, and nothing was published.
     */
    @ExceptionHandler
    ProblemDetail onRefused(ImportRefusedException e) {
        ProblemDetail problem = e.unreadable()
                ? Problems.of(
                        HttpStatus.BAD_REQUEST,
                        "invalid-import-file",
                        "Not a file of past sales",
                        "The body must be CSV whose first line names the columns; nothing was imported.")
                : Problems.of(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "invalid-import-lines",
                        "Invalid lines in the import",
                        e.problemCount() + " line problem(s), the first "
                                + e.problems().size()
                                + " listed; nothing was imported. Correct them and send the whole file again.");
        problem.setProperty(
                "errors", e.problems().stream().map(ImportProblems::error).toList());
        problem.setProperty("errorCount", e.problemCount());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail onLineTooLong(DataBufferLimitException e) {
        return Problems.of(
                HttpStatus.BAD_REQUEST,
                "invalid-import-file",
                "Not a file of past sales",
                "A line of the file is far longer than any line of past sales; nothing was imported.");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> onInterrupted(ImportInterruptedException e) {
        ProblemDetail problem =
                Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "import-interrupted", "Import interrupted", e.getMessage());
        problem.setProperty("published", e.published());
        problem.setProperty("lines", e.lines());
        return unavailable(problem);
    }

    private static ResponseEntity<ProblemDetail> unavailable(ProblemDetail problem) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER.toSeconds()))
                .body(problem);
    }

    private static Map<String, Object> error(LineProblem problem) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("line", problem.line());
        if (problem.column() != null) {
            error.put("column", problem.column());
        }
        error.put("message", problem.message());
        return error;
    }
}
