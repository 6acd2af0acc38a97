package bookstore.user.account.web;

import bookstore.platform.web.Problems;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A 429 problem that says when to try again, in whole seconds, in the body and in {@code Retry-After}. */
public final class RetryLater {

    private RetryLater() {}

    /** @param detail what was refused, to which "Try again in N seconds." is added */
    public static ResponseEntity<ProblemDetail> after(Duration wait, String kind, String title, String detail) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        ProblemDetail problem = Problems.of(
                HttpStatus.TOO_MANY_REQUESTS, kind, title, detail + " Try again in " + seconds + " seconds.");
        problem.setProperty("retryAfterSeconds", seconds);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(problem);
    }
}
