package bookstore.user.account.web;

import bookstore.platform.web.Problems;
import bookstore.user.account.application.EmailAlreadyRegistered;
import bookstore.user.account.application.InvalidToken;
import bookstore.user.account.application.NothingToVerify;
import bookstore.user.account.application.StaleAccount;
import bookstore.user.account.application.TooManyRequests;
import bookstore.user.account.application.UserNotFound;
import bookstore.user.account.application.WrongPassword;
import bookstore.user.account.domain.CannotDemoteYourself;
import bookstore.user.account.domain.CannotLockYourselfOut;
import bookstore.user.account.domain.WeakPassword;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The account rules' refusals as problem details; ordered before the platform's catch-all. They
 * also answer for the credential routes of {@code auth.web} (password change and reset, closing),
 * which refuse with the same account rules; named as a string, since accounts know nothing of
 * login sessions.
 */
@RestControllerAdvice(basePackageClasses = AccountProblems.class, basePackages = "bookstore.user.auth.web")
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
    ProblemDetail onLockingOut(CannotLockYourselfOut ex) {
        return Problems.of(
                HttpStatus.CONFLICT,
                "cannot-lock-yourself-out",
                "Cannot disable or close your own account",
                "Another administrator has to do that, so the shop always keeps one.");
    }

    @ExceptionHandler
    ProblemDetail onWrongPassword(WrongPassword ex) {
        return Problems.of(
                HttpStatus.BAD_REQUEST,
                "invalid-password",
                "Wrong password",
                "The password you entered is not this account's current password.");
    }

    @ExceptionHandler
    ProblemDetail onInvalidToken(InvalidToken ex) {
        return Problems.of(
                HttpStatus.BAD_REQUEST,
                "invalid-token",
                "Invalid or expired link",
                "This link is unknown, has expired or was already used. Please ask for a new one.");
    }

    @ExceptionHandler
    ProblemDetail onNothingToVerify(NothingToVerify ex) {
        return Problems.of(
                HttpStatus.CONFLICT,
                "nothing-to-verify",
                "Nothing to verify",
                "The account's address is verified and no change of address is waiting.");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> onTooManyRequests(TooManyRequests ex) {
        return RetryLater.after(
                ex.retryAfter(), "too-many-requests", "Too many requests", "Too many such requests for now.");
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
