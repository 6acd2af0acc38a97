package bookstore.analytics.report;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Stock against sales: for each book in the catalogue, what is available, how fast it sold recently, how many days
 * that stock lasts at that pace, and when it last sold.
 *
 * @param recentDays the days the pace is measured over, up to and including {@code asOf}
 * @param deadAfterDays a book in stock with no sale for this many days is dead stock
 */
public record StockReport(LocalDate asOf, int recentDays, int deadAfterDays, List<BookStock> books) implements Tabular {

    /**
     * @param dailySales copies a day over the recent days
     * @param daysOfCover available ÷ daily sales; null when it did not sell recently (it would last for ever)
     * @param lastSale the last day it sold; null if never
     * @param dead in stock and unsold for the dead-stock days (or never sold)
     */
    public record BookStock(
            String bookId,
            String title,
            String category,
            int available,
            long recentUnits,
            double dailySales,
            Double daysOfCover,
            LocalDate lastSale,
            boolean dead) {}

    @Override
    public List<String> columns() {
        return List.of(
                "book_id",
                "title",
                "category",
                "available",
                "recent_units",
                "daily_sales",
                "days_of_cover",
                "last_sale",
                "dead");
    }

    @Override
    public List<List<Object>> rows() {
        return books.stream()
                .map(book -> Arrays.<Object>asList(
                        book.bookId(),
                        book.title(),
                        book.category(),
                        book.available(),
                        book.recentUnits(),
                        book.dailySales(),
                        book.daysOfCover(),
                        book.lastSale(),
                        book.dead()))
                .toList();
    }
}
