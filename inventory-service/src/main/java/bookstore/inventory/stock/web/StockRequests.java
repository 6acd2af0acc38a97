package bookstore.inventory.stock.web;

import bookstore.inventory.stock.domain.LowStockThreshold;
import bookstore.inventory.stock.domain.Movement;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies admins send to change stock. */
final class StockRequests {

    static final int MAX_COPIES = 100_000;

    private StockRequests() {}

    /** Copies that arrived from a supplier. */
    record Receipt(
            @NotNull @Min(1) @Max(MAX_COPIES) Integer quantity,
            @Size(max = Movement.MAX_NOTE_LENGTH) String note) {}

    /** A signed change of stock on hand, with a reason code such as {@code DAMAGED} or {@code FOUND}. */
    record Adjustment(
            @NotNull @Min(-MAX_COPIES) @Max(MAX_COPIES) Integer change,
            @NotBlank String reason,
            @Size(max = Movement.MAX_NOTE_LENGTH) String note) {}

    /** The copies physically counted on the shelf. */
    record Stocktake(
            @NotNull @Min(0) @Max(MAX_COPIES) Integer counted,
            @Size(max = Movement.MAX_NOTE_LENGTH) String note) {}

    record Threshold(
            @NotNull @Min(0) @Max(LowStockThreshold.MAX) Integer threshold) {}
}
