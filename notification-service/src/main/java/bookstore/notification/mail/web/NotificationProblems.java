package bookstore.notification.mail.web;

import bookstore.notification.mail.application.ViewingMail.MailNotFoundException;
import bookstore.notification.mail.domain.IllegalMailStateException;
import bookstore.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The notification API's own problems; anything else falls through to the platform's problem details. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotificationProblems {

    @ExceptionHandler(MailNotFoundException.class)
    ProblemDetail notFound(MailNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "mail-not-found", "Mail not found", e.getMessage());
    }

    @ExceptionHandler(IllegalMailStateException.class)
    ProblemDetail notRetryable(IllegalMailStateException e) {
        return Problems.of(HttpStatus.CONFLICT, "mail-not-failed", "Mail is not failed", e.getMessage());
    }
}
