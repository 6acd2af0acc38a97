package bookstore.order.cart.web;

import bookstore.order.cart.domain.CartLimitExceededException;
import bookstore.order.pricing.application.BookNotOrderableException;
import bookstore.platform.web.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The cart's refusals, as problem details; the platform's advice answers everything else. */
@RestControllerAdvice(assignableTypes = CartController.class)
@Order(0)
class CartProblems {

    @ExceptionHandler
    ProblemDetail onCartLimit(CartLimitExceededException e) {
        return Problems.of(
                HttpStatus.UNPROCESSABLE_CONTENT, "cart-limit-exceeded", "Cart limit exceeded", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail onBookNotOrderable(BookNotOrderableException e) {
        ProblemDetail problem = Problems.of(
                HttpStatus.UNPROCESSABLE_CONTENT, "book-not-orderable", "Book cannot be ordered", e.getMessage());
        problem.setProperty("bookId", e.bookId());
        return problem;
    }
}
