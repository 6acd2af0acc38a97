package bookstore.analytics.report;

import java.time.LocalDate;
import java.util.List;

/**
 * What to order now: for each book whose available copies do not cover the demand forecast over the supplier's lead
 * time plus safety stock, how many copies, most first.
 */
public record ReorderReport(LocalDate asOf, int leadTimeDays, double serviceLevel, List<Reorder> books)
        implements Tabular {

    /**
     * @param leadTimeDemand copies expected to sell over the lead time
     * @param safetyStock copies kept against the forecast's error at the service level
     * @param model the forecasting model behind it
     */
    public record Reorder(
            String bookId,
            String title,
            String category,
            int available,
            double leadTimeDemand,
            double safetyStock,
            double reorderPoint,
            int orderQuantity,
            String model) {}

    @Override
    public List<String> columns() {
        return List.of(
                "book_id",
                "title",
                "category",
                "available",
                "lead_time_demand",
                "safety_stock",
                "reorder_point",
                "order_quantity",
                "model");
    }

    @Override
    public List<List<Object>> rows() {
        return books.stream()
                .map(book -> List.<Object>of(
                        book.bookId(),
                        book.title(),
                        book.category(),
                        book.available(),
                        book.leadTimeDemand(),
                        book.safetyStock(),
                        book.reorderPoint(),
                        book.orderQuantity(),
                        book.model()))
                .toList();
    }
}
