package bookstore.platform.deadletters;

import bookstore.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** No dead letter of this service's consumer groups lies there (or no longer: the topic's retention removed it). */
final class DeadLetterNotFoundException extends ErrorResponseException {

    DeadLetterNotFoundException(DeadLetterId id) {
        super(
                HttpStatus.NOT_FOUND,
                Problems.of(
                        HttpStatus.NOT_FOUND,
                        "dead-letter-not-found",
                        "Dead letter not found",
                        "No dead letter of this service's consumer groups lies at " + id + "."),
                null);
    }
}
