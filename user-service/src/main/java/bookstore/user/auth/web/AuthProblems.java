package bookstore.user.auth.web;

import bookstore.platform.web.Problems;
import bookstore.user.account.web.RetryLater;
import bookstore.user.auth.application.AccountDisabled;
import bookstore.user.auth.application.BadCredentials;
import bookstore.user.auth.application.InvalidRefreshToken;
import bookstore.user.auth.application.LoginThrottled;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Login and token refusals as problem details; ordered before the platform's catch-all. */
@RestControllerAdvice(basePackageClasses = AuthProblems.class)
@Order(0)
class AuthProblems {

    @ExceptionHandler
    ProblemDetail onBadCredentials(BadCredentials ex) {
        return Problems.of(
                HttpStatus.UNAUTHORIZED,
                "invalid-credentials",
                "Invalid credentials",
                "The email address or the password is wrong.");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> onThrottled(LoginThrottled ex) {
        return RetryLater.after(
                ex.retryAfter(), "too-many-login-attempts", "Too many login attempts", "Too many failed logins.");
    }

    /** Said only after the password matched; a wrong password is answered as for any account. */
    @ExceptionHandler
    ProblemDetail onDisabled(AccountDisabled ex) {
        return Problems.of(
                HttpStatus.FORBIDDEN,
                "account-disabled",
                "Account disabled",
                "An administrator disabled this account. Please contact the shop.");
    }

    @ExceptionHandler
    ProblemDetail onInvalidRefreshToken(InvalidRefreshToken ex) {
        return Problems.of(
                HttpStatus.UNAUTHORIZED,
                "invalid-refresh-token",
                "Invalid refresh token",
                "The refresh token is expired, revoked or was already used. Please log in again.");
    }

    @ExceptionHandler
    ProblemDetail onCrossSiteRequest(CrossSiteRequestRefused ex) {
        return Problems.of(
                HttpStatus.FORBIDDEN,
                "csrf",
                "Cross-site request refused",
                "This request must come from the shop's own pages, with the X-Requested-With header.");
    }
}
