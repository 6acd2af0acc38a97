package bookstore.inventory.stock.web;

import bookstore.inventory.stock.application.SettingLowStockThreshold;
import bookstore.inventory.stock.application.StockQuery;
import bookstore.inventory.stock.application.ViewingStock;
import bookstore.inventory.stock.domain.LowStockThreshold;
import bookstore.platform.paging.PageWindow;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/** Stock levels and low-stock thresholds, for admins. */
@RestController
@RequestMapping("/api/inventory")
@Validated
@Tag(name = "stock", description = "Stock per book, the books low in stock and their thresholds")
class StockController {

    private final ViewingStock viewing;
    private final SettingLowStockThreshold settingThreshold;

    StockController(ViewingStock viewing, SettingLowStockThreshold settingThreshold) {
        this.viewing = viewing;
        this.settingThreshold = settingThreshold;
    }

    @GetMapping("/{bookId}")
    Mono<StockResource> stock(@PathVariable String bookId) {
        return viewing.stockOf(bookId).map(StockResource::of);
    }

    /**
     * The stock of every book, page by page: by book id, or fewest available first with {@code sort=available};
     * {@code lowStock=true} keeps the books at or below their threshold, {@code bookId} (repeatable) only those
     * books.
     */
    @GetMapping
    Mono<PageResource<StockResource>> list(
            @RequestParam(defaultValue = "false") boolean lowStock,
            @RequestParam(required = false) @Size(max = StockQuery.MAX_BOOK_IDS) List<String> bookId,
            @RequestParam(defaultValue = "bookId") String sort,
            @RequestParam(defaultValue = "0") @Min(0) @Max(value = PageWindow.MAX_PAGE, message = PageWindow.BEYOND)
                    int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return page(new StockQuery(lowStock, bookId == null ? List.of() : bookId, order(sort)), page, size);
    }

    /** Books at or below their low-stock threshold, fewest available copies first. */
    @GetMapping("/low-stock")
    Mono<PageResource<StockResource>> runningLow(
            @RequestParam(defaultValue = "0") @Min(0) @Max(value = PageWindow.MAX_PAGE, message = PageWindow.BEYOND)
                    int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return page(StockQuery.runningLow(), page, size);
    }

    @PutMapping("/{bookId}/low-stock-threshold")
    Mono<StockResource> changeThreshold(
            @PathVariable String bookId, @Valid @RequestBody StockRequests.Threshold request) {
        return settingThreshold
                .set(bookId, new LowStockThreshold(request.threshold()))
                .map(StockResource::of);
    }

    private Mono<PageResource<StockResource>> page(StockQuery query, int page, int size) {
        PageWindow.check(page, size);
        return viewing.list(query, page, size).map(slice -> PageResource.of(slice, page, size, StockResource::of));
    }

    private static StockQuery.Order order(String sort) {
        return switch (sort) {
            case "bookId" -> StockQuery.Order.BOOK_ID;
            case "available" -> StockQuery.Order.AVAILABLE;
            default -> throw new ServerWebInputException("sort must be bookId or available, not " + sort);
        };
    }
}
