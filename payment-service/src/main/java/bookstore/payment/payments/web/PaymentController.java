package bookstore.payment.payments.web;

import bookstore.payment.payments.application.PaymentQueries;
import bookstore.payment.payments.application.PaymentQueries.Viewer;
import bookstore.platform.paging.PageWindow;
import bookstore.platform.security.CurrentUser;
import bookstore.platform.web.Problems;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Payments for the customers who made them and for admins. Someone else's payment answers 404,
 * exactly like one that does not exist, so ids reveal nothing.
 */
@RestController
@RequestMapping("/api/payments")
@Tag(name = "payments", description = "Payments and their refunds")
class PaymentController {

    private final PaymentQueries queries;

    PaymentController(PaymentQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/{id}")
    Mono<PaymentView> payment(@PathVariable UUID id) {
        return viewer().flatMap(viewer -> queries.find(id, viewer))
                .map(PaymentView::of)
                .switchIfEmpty(Mono.error(PaymentNotFoundException::new));
    }

    @GetMapping
    Mono<PageView> payments(
            @RequestParam(required = false) String orderId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(value = PageWindow.MAX_PAGE, message = PageWindow.BEYOND)
                    int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        PageWindow.check(page, size);
        return viewer().flatMap(viewer -> queries.list(orderId, page, size, viewer))
                .map(found -> new PageView(
                        found.items().stream().map(PaymentView::of).toList(),
                        found.page(),
                        found.size(),
                        found.total()));
    }

    @ExceptionHandler(PaymentNotFoundException.class)
    ProblemDetail onNotFound() {
        return Problems.of(HttpStatus.NOT_FOUND, "payment-not-found", "Payment not found", "There is no such payment.");
    }

    private static Mono<Viewer> viewer() {
        return CurrentUser.get().map(caller -> new Viewer(caller.id().toString(), caller.isAdmin()));
    }

    record PageView(List<PaymentView> items, int page, int size, long total) {}

    private static final class PaymentNotFoundException extends RuntimeException {}
}
