package bookstore.platform.deadletters;

import bookstore.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A re-drive asked for a dead letter re-driven before, without {@code force}. */
final class DeadLetterAlreadyRedrivenException extends ErrorResponseException {

    DeadLetterAlreadyRedrivenException(DeadLetterId id, Redrive last) {
        super(HttpStatus.CONFLICT, problem(id, last), null);
    }

    private static ProblemDetail problem(DeadLetterId id, Redrive last) {
        ProblemDetail problem = Problems.of(
                HttpStatus.CONFLICT,
                "dead-letter-already-redriven",
                "Dead letter already re-driven",
                "The dead letter at " + id + " was re-driven at " + last.at()
                        + "; nothing was done. Add force=true to re-drive it again.");
        problem.setProperty("lastRedrive", last);
        return problem;
    }
}
