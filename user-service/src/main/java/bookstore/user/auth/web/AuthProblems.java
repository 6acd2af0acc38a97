package bookstore.user.auth.web;

import bookstore.platform.web.Problems;
import bookstore.user.auth.application.BadCredentials;
import bookstore.user.auth.application.InvalidRefreshToken;
import bookstore.user.auth.application.LoginThrottled;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
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
        long seconds = Math.max(1, (ex.retryAfter().toMillis() + 999) / 1000);
        ProblemDetail problem = Problems.of(
                HttpStatus.TOO_MANY_REQUESTS,
                "too-many-login-attempts",
                "Too many login attempts",
                "Too many failed logins. Try again in " + seconds + " seconds.");
        problem.setProperty("retryAfterSeconds", seconds);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(problem);
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
