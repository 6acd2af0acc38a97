package bookstore.catalog.book.web;

import bookstore.catalog.book.application.BookNotFoundException;
import bookstore.catalog.book.application.DuplicateIsbnException;
import bookstore.catalog.book.application.StaleBookException;
import bookstore.catalog.book.domain.BookDiscontinuedException;
import bookstore.catalog.book.domain.InvalidBookException;
import bookstore.platform.web.Problems;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The catalogue's own problems; anything else falls through to the platform's problem details. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CatalogueProblems {

    @ExceptionHandler(InvalidBookException.class)
    ProblemDetail invalid(InvalidBookException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request", e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return problem;
    }

    @ExceptionHandler(BookNotFoundException.class)
    ProblemDetail notFound(BookNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "book-not-found", "Book not found", e.getMessage());
    }

    @ExceptionHandler(StaleBookException.class)
    ProblemDetail stale(StaleBookException e) {
        return Problems.of(
                HttpStatus.PRECONDITION_FAILED,
                "stale-version",
                "Book changed since you read it",
                e.getMessage() + "; read it again and reapply your change.");
    }

    @ExceptionHandler(Versions.PreconditionRequiredException.class)
    ProblemDetail versionMissing() {
        return Problems.of(
                HttpStatus.PRECONDITION_REQUIRED,
                "precondition-required",
                "Version required",
                "Send the book's ETag in If-Match, so a concurrent change is not overwritten.");
    }

    @ExceptionHandler(DuplicateIsbnException.class)
    ProblemDetail duplicate(DuplicateIsbnException e) {
        return Problems.of(HttpStatus.CONFLICT, "duplicate-isbn", "Duplicate ISBN", e.getMessage());
    }

    @ExceptionHandler(BookDiscontinuedException.class)
    ProblemDetail discontinued(BookDiscontinuedException e) {
        return Problems.of(HttpStatus.CONFLICT, "book-discontinued", "Book discontinued", e.getMessage());
    }

    @ExceptionHandler(DataBufferLimitException.class)
    ProblemDetail tooLarge() {
        return Problems.of(
                HttpStatus.CONTENT_TOO_LARGE,
                "payload-too-large",
                "Request too large",
                "The request body is too large.");
    }
}
