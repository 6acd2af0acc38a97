package bookstore.catalog.review.web;

import bookstore.catalog.review.application.NotAVerifiedBuyerException;
import bookstore.catalog.review.application.NotYourReviewException;
import bookstore.catalog.review.application.OwnReviewVoteException;
import bookstore.catalog.review.application.ReviewExistsException;
import bookstore.catalog.review.application.ReviewNotFoundException;
import bookstore.catalog.review.domain.InvalidReviewException;
import bookstore.platform.web.Problems;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The review API's refusals, as problem details with stable types; a book that is not there is the catalogue's 404. */
@RestControllerAdvice(assignableTypes = ReviewController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReviewProblems {

    /** Shaped as the platform's validation problems, so a client reads every invalid field alike. */
    @ExceptionHandler
    ProblemDetail invalid(InvalidReviewException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request", e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notAVerifiedBuyer(NotAVerifiedBuyerException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "not-a-verified-buyer", "Only verified buyers review", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail exists(ReviewExistsException e) {
        ProblemDetail problem =
                Problems.of(HttpStatus.CONFLICT, "review-exists", "You reviewed this book already", e.getMessage());
        if (e.existing() != null) {
            problem.setProperty("reviewId", e.existing().toString());
        }
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(ReviewNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "review-not-found", "Review not found", e.getMessage());
    }

    /** The same problem as the security filters' refusal: the review is public, its author is not the caller. */
    @ExceptionHandler
    ProblemDetail notYours(NotYourReviewException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail ownVote(OwnReviewVoteException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "own-review", "Not on your own review", e.getMessage());
    }
}
