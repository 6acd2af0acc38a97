package bookstore.order.ordering.web;

import bookstore.order.ordering.application.EmptyCartException;
import bookstore.order.ordering.application.IdempotencyKeyReusedException;
import bookstore.order.ordering.application.InvalidOrderQueryException;
import bookstore.order.ordering.application.OnlyTheCustomerException;
import bookstore.order.ordering.application.OrderNotFoundException;
import bookstore.order.ordering.application.OrdersOfAnotherCustomerException;
import bookstore.order.ordering.domain.IllegalOrderTransitionException;
import bookstore.order.ordering.domain.InvalidOrderException;
import bookstore.order.ordering.domain.ReturnConflictException;
import bookstore.order.ordering.domain.ReturnNotFoundException;
import bookstore.order.pricing.application.BookNotOrderableException;
import bookstore.platform.web.Problems;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The order API's refusals, as problem details with stable types. */
@RestControllerAdvice(assignableTypes = {OrderController.class, ReturnController.class})
@Order(0)
class OrderProblems {

    @ExceptionHandler
    ProblemDetail onNotFound(OrderNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "order-not-found", "Order not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail onInvalidOrder(InvalidOrderException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-order", "Invalid order", e.getMessage());
    }

    /** Shaped as the platform's own validation problems, so a client reads every invalid parameter alike. */
    @ExceptionHandler
    ProblemDetail onInvalidQuery(InvalidOrderQueryException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request", e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", e.parameter(), "message", e.getMessage())));
        return problem;
    }

    /** The same problem as the security filters' refusal of a caller without the right role. */
    @ExceptionHandler
    ProblemDetail onOrdersOfAnotherCustomer(OrdersOfAnotherCustomerException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail onReceiptByAnother(OnlyTheCustomerException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail onBookNotOrderable(BookNotOrderableException e) {
        ProblemDetail problem = Problems.of(
                HttpStatus.UNPROCESSABLE_CONTENT, "book-not-orderable", "Book cannot be ordered", e.getMessage());
        problem.setProperty("bookId", e.bookId());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail onEmptyCart(EmptyCartException e) {
        return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "empty-cart", "Cart is empty", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail onKeyReused(IdempotencyKeyReusedException e) {
        return Problems.of(
                HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail onReturnNotFound(ReturnNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "return-not-found", "Return not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail onReturnConflict(ReturnConflictException e) {
        return Problems.of(HttpStatus.CONFLICT, "return-conflict", "Not possible for this return now", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail onIllegalTransition(IllegalOrderTransitionException e) {
        ProblemDetail problem = Problems.of(
                HttpStatus.CONFLICT, "order-status-conflict", "Not possible in this status", e.getMessage());
        // Not "status": that member is the problem's HTTP status (RFC 9457); a property of that name was written as
        // a second "status" key, and a client's JSON parser kept whichever came last.
        problem.setProperty("orderStatus", e.status().name());
        return problem;
    }
}
