package bookstore.inventory.stock.web;

import bookstore.inventory.stock.application.AdjustingStock;
import bookstore.inventory.stock.application.ReceivingStock;
import bookstore.inventory.stock.application.RecordedMovement;
import bookstore.inventory.stock.application.TakingStock;
import bookstore.inventory.stock.application.ViewingStock;
import bookstore.inventory.stock.domain.AdjustmentReason;
import bookstore.platform.paging.PageWindow;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * What admins enter against a book's stock (receipts, adjustments, stocktakes) and the ledger they
 * read back. Each entry answers 201 with the ledger entry it created.
 */
@RestController
@RequestMapping("/api/inventory/{bookId}")
@Validated
@Tag(
        name = "movements",
        description = "Receipts, adjustments and stocktakes of a book, and its ledger of movements (admins)")
class MovementController {

    private final ReceivingStock receiving;
    private final AdjustingStock adjusting;
    private final TakingStock takingStock;
    private final ViewingStock viewing;

    MovementController(
            ReceivingStock receiving, AdjustingStock adjusting, TakingStock takingStock, ViewingStock viewing) {
        this.receiving = receiving;
        this.adjusting = adjusting;
        this.takingStock = takingStock;
        this.viewing = viewing;
    }

    @PostMapping("/receipts")
    Mono<ResponseEntity<MovementResource>> receive(
            @PathVariable String bookId, @Valid @RequestBody StockRequests.Receipt request) {
        return receiving.receive(bookId, request.quantity(), request.note()).map(MovementController::created);
    }

    @PostMapping("/adjustments")
    Mono<ResponseEntity<MovementResource>> adjust(
            @PathVariable String bookId, @Valid @RequestBody StockRequests.Adjustment request) {
        return Mono.fromSupplier(() -> AdjustmentReason.parse(request.reason()))
                .flatMap(reason -> adjusting.adjust(bookId, reason, request.change(), request.note()))
                .map(MovementController::created);
    }

    @PostMapping("/stocktakes")
    Mono<ResponseEntity<MovementResource>> count(
            @PathVariable String bookId, @Valid @RequestBody StockRequests.Stocktake request) {
        return takingStock.count(bookId, request.counted(), request.note()).map(MovementController::created);
    }

    /** The book's ledger, newest first. */
    @GetMapping("/movements")
    Mono<PageResource<MovementResource>> movements(
            @PathVariable String bookId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(value = PageWindow.MAX_PAGE, message = PageWindow.BEYOND)
                    int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        PageWindow.check(page, size);
        return viewing.movementsOf(bookId, page, size)
                .map(slice -> PageResource.of(slice, page, size, MovementResource::of));
    }

    @GetMapping("/movements/{movementId}")
    Mono<MovementResource> movement(@PathVariable String bookId, @PathVariable long movementId) {
        return viewing.movement(bookId, movementId).map(MovementResource::of);
    }

    private static ResponseEntity<MovementResource> created(RecordedMovement recorded) {
        MovementResource movement = MovementResource.of(recorded);
        URI location = URI.create("/api/inventory/" + movement.bookId() + "/movements/" + movement.id());
        return ResponseEntity.created(location).body(movement);
    }
}
