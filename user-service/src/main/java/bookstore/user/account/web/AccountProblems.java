package bookstore.user.account.web;

import bookstore.platform.web.Problems;
import bookstore.user.account.application.EmailAlreadyRegistered;
import bookstore.user.account.application.StaleAccount;
import bookstore.user.account.application.UserNotFound;
import bookstore.user.account.domain.CannotDemoteYourself;
import bookstore.user.account.domain.WeakPassword;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The account rules' refusals as problem details; ordered before the platform's catch-all. */
@RestControllerAdvice(basePackageClasses = AccountProblems.class)
@Order(0)
class AccountProblems {

    @ExceptionHandler
    ProblemDetail onDuplicate(EmailAlreadyRegistered ex) {
        return Problems.of(
                HttpStatus.CONFLICT,
                "email-taken",
                "Email already registered",
                "An account with this email address exists. Log in, or use another address.");
    }

    @ExceptionHandler
    ProblemDetail onWeakPassword(WeakPassword ex) {
        ProblemDetail problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                "weak-password",
                "Password too weak",
                "The password " + String.join("; ", ex.violations()) + ".");
        problem.setProperty("violations", ex.violations());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail onNotFound(UserNotFound ex) {
        return Problems.of(HttpStatus.NOT_FOUND, "user-not-found", "User not found", "There is no such account.");
    }

    @ExceptionHandler
    ProblemDetail onSelfDemotion(CannotDemoteYourself ex) {
        return Problems.of(
                HttpStatus.CONFLICT,
                "cannot-demote-yourself",
                "Cannot remove your own admin role",
                "Another administrator has to do that, so the shop always keeps one.");
    }

    @ExceptionHandler
    ProblemDetail onStale(StaleAccount ex) {
        return Problems.of(
                HttpStatus.CONFLICT,
                "concurrent-change",
                "Changed concurrently",
                "The account was changed at the same time by another request. Please try again.");
    }

    /** The domain's own checks (an address in a shape the request validation let through). */
    @ExceptionHandler
    ProblemDetail onInvalid(IllegalArgumentException ex) {
        return Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request", ex.getMessage());
    }
}
