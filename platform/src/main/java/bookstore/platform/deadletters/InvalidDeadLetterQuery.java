package bookstore.platform.deadletters;

import bookstore.platform.web.Problems;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A listing asked for a topic or group that is not this service's. */
final class InvalidDeadLetterQuery extends ErrorResponseException {

    private InvalidDeadLetterQuery(ProblemDetail problem) {
        super(HttpStatus.BAD_REQUEST, problem, null);
    }

    static InvalidDeadLetterQuery of(String field, String message) {
        ProblemDetail problem = Problems.of(
                HttpStatus.BAD_REQUEST, "validation", "Invalid request", "The request has invalid parameters.");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return new InvalidDeadLetterQuery(problem);
    }
}
