package bookstore.analytics.report;

import bookstore.events.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * Sales over a range split by a dimension of the books: category, author or publisher. A book with several authors
 * counts in full for each of them, so author shares can add up to more than the whole.
 */
public record Breakdown(LocalDate from, LocalDate to, Dimension dimension, List<Share> shares) implements Tabular {

    /** What sales are split by. */
    public enum Dimension {
        BOOK,
        CATEGORY,
        AUTHOR,
        PUBLISHER
    }

    /** @param unitsShare this name's copies ÷ all copies in the range, 0 to 1 */
    public record Share(String key, String name, long units, Money revenue, long books, double unitsShare) {}

    @Override
    public List<String> columns() {
        return List.of("key", "name", "units", "revenue", "books", "units_share");
    }

    @Override
    public List<List<Object>> rows() {
        return shares.stream()
                .map(share -> List.<Object>of(
                        share.key(),
                        share.name(),
                        share.units(),
                        Csv.amount(share.revenue()),
                        share.books(),
                        share.unitsShare()))
                .toList();
    }
}
