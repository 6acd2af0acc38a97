package bookstore.inventory.stock.web;

import bookstore.inventory.stock.application.MovementNotFoundException;
import bookstore.inventory.stock.application.StockNotFoundException;
import bookstore.inventory.stock.domain.InsufficientStockException;
import bookstore.inventory.stock.domain.InvalidStockChangeException;
import bookstore.platform.web.Problems;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Inventory's own problems; anything else falls through to the platform's problem details. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class InventoryProblems {

    @ExceptionHandler(StockNotFoundException.class)
    ProblemDetail stockNotFound(StockNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "stock-not-found", "Stock record not found", e.getMessage());
    }

    @ExceptionHandler(MovementNotFoundException.class)
    ProblemDetail movementNotFound(MovementNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "movement-not-found", "Stock movement not found", e.getMessage());
    }

    /** Shaped like the platform's validation problems, so clients read every 400 the same way. */
    @ExceptionHandler(InvalidStockChangeException.class)
    ProblemDetail invalid(InvalidStockChangeException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request", e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return problem;
    }

    @ExceptionHandler(InsufficientStockException.class)
    ProblemDetail insufficient(InsufficientStockException e) {
        return Problems.of(HttpStatus.CONFLICT, "insufficient-stock", "Not enough stock", e.getMessage());
    }
}
