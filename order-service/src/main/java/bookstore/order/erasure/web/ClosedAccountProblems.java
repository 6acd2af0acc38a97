package bookstore.order.erasure.web;

import bookstore.order.erasure.domain.AccountClosedException;
import bookstore.platform.web.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A closed account's still-valid token refused, wherever it tried to order or change the cart; the
 * platform's advice answers everything else.
 */
@RestControllerAdvice
@Order(0)
class ClosedAccountProblems {

    @ExceptionHandler
    ProblemDetail onAccountClosed(AccountClosedException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "account-closed", "Account closed", e.getMessage());
    }
}
