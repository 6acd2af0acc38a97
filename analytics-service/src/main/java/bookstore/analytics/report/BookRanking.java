package bookstore.analytics.report;

import bookstore.events.Money;
import java.time.LocalDate;
import java.util.List;

/** Books ranked by copies sold over a range: the top sellers, or the slow movers among books in stock. */
public record BookRanking(LocalDate from, LocalDate to, List<RankedBook> books) implements Tabular {

    /**
     * @param units copies sold less copies returned in the range
     * @param lines order lines that sold it
     * @param available copies available now (null when inventory has not said)
     */
    public record RankedBook(
            int rank,
            String bookId,
            String title,
            List<String> authors,
            String category,
            String publisher,
            long units,
            Money revenue,
            long lines,
            Integer available) {}

    @Override
    public List<String> columns() {
        return List.of(
                "rank",
                "book_id",
                "title",
                "authors",
                "category",
                "publisher",
                "units",
                "revenue",
                "lines",
                "available");
    }

    @Override
    public List<List<Object>> rows() {
        return books.stream()
                .map(book -> java.util.Arrays.<Object>asList(
                        book.rank(),
                        book.bookId(),
                        book.title(),
                        String.join("; ", book.authors()),
                        book.category(),
                        book.publisher(),
                        book.units(),
                        Csv.amount(book.revenue()),
                        book.lines(),
                        book.available()))
                .toList();
    }
}
