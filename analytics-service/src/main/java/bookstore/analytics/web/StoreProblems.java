package bookstore.analytics.web;

import bookstore.platform.web.Problems;
import java.time.format.DateTimeParseException;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Stores that cannot answer yet (Kafka Streams starting, restoring or moving partitions) are a 503 the caller may
 * retry, not a 500; parameters of an instance's question that do not parse are the asker's mistake.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class StoreProblems {

    @ExceptionHandler(InvalidStateStoreException.class)
    ResponseEntity<ProblemDetail> notReady(InvalidStateStoreException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "analytics-unavailable",
                        "Analytics unavailable",
                        "Analytics is still loading its data. Please try again shortly."));
    }

    @ExceptionHandler(DateTimeParseException.class)
    ProblemDetail badDate(DateTimeParseException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request", "A date or month does not parse.");
    }
}
