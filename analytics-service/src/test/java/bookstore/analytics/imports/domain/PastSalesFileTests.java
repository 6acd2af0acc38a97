package bookstore.analytics.imports.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PastSalesFileTests {

    private static final String BOOK = "9787572610912";
    private static final String OTHER_BOOK = "9787020002207";
    private static final Map<String, String> CATALOGUE = Map.of(BOOK, "book-1", OTHER_BOOK, "book-2");
    private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void readsQuotedFieldsColumnsInAnyOrderAByteOrderMarkAndBlankLines() {
        PastSalesFile file = read(
                "\uFEFFISBN, order_ref ,ordered_at,quantity,unit_price,customer_ref",
                "978-7-5726-1091-2,\"A,1\",2025-11-11T00:03:15+08:00,2,45.8,\"Wang \"\"Xiao\"\" Ming\"",
                "",
                OTHER_BOOK + ",\"A,1\",2025-11-11T00:03:15+08:00,1,0,\"Wang \"\"Xiao\"\" Ming\"");

        assertThat(file.problems()).isEmpty();
        assertThat(file.sales())
                .extracting(
                        PastSale::line,
                        PastSale::orderRef,
                        PastSale::bookId,
                        PastSale::unitPrice,
                        PastSale::customerRef)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "A,1", "book-1", 4_580L, "Wang \"Xiao\" Ming"),
                        org.assertj.core.groups.Tuple.tuple(4, "A,1", "book-2", 0L, "Wang \"Xiao\" Ming"));
        assertThat(file.summary())
                .extracting(ImportSummary::lines, ImportSummary::orders, ImportSummary::books, ImportSummary::customers)
                .containsExactly(2, 1, 2, 1);
    }

    @Test
    void theSameTextIsTheSameImportWhateverItsLineBreaksAndADifferentTextAnother() {
        String header = SalesCsv.HEADER;
        String line = "A1,2025-01-01T10:00:00+08:00," + BOOK + ",1,45.00,c1";

        String id = read(header, line).importId();

        assertThat(read("\uFEFF" + header, line).importId()).isEqualTo(id);
        assertThat(read(header, line.replace(",1,", ",2,")).importId()).isNotEqualTo(id);
        PastSale sale = read(header, line).sales().getFirst();
        assertThat(PastSalesFile.eventIdOf(id, sale)).isEqualTo(PastSalesFile.eventIdOf(id, sale));
    }

    @Test
    void timesWithoutAnOffsetAreOnTheShopsCalendar() {
        PastSalesFile file = read(
                SalesCsv.HEADER,
                "A1,2025-01-01 10:00:00," + BOOK + ",1,45.00,c1",
                "A2,2025-01-01T02:00Z," + BOOK + ",1,45.00,c1");

        assertThat(file.sales()).extracting(PastSale::orderedAt).containsOnly(Instant.parse("2025-01-01T02:00:00Z"));
    }

    @Test
    void anOrderIsOneCustomers() {
        PastSalesFile file = read(
                SalesCsv.HEADER,
                "A1,2025-01-01T10:00:00+08:00," + BOOK + ",1,45.00,c1",
                "A1,2025-01-01T10:00:00+08:00," + OTHER_BOOK + ",1,45.00,c2");

        assertThat(file.isAcceptable()).isFalse();
        assertThat(file.problems())
                .containsExactly(new LineProblem(3, "customer_ref", "Order A1 was for another customer on line 2."));
    }

    @Test
    void listsTheFirstFiftyProblemsAndCountsThemAll() {
        String[] lines = new String[121];
        lines[0] = SalesCsv.HEADER;
        for (int i = 1; i < lines.length; i++) {
            lines[i] = "A" + i + ",2025-01-01T10:00:00+08:00," + BOOK + ",0,45.00,c1";
        }

        PastSalesFile file = read(lines);

        assertThat(file.problemCount()).isEqualTo(120);
        assertThat(file.problems()).hasSize(PastSalesFile.LISTED_PROBLEMS);
        assertThat(file.problems().getFirst().line()).isEqualTo(2);
    }

    @Test
    void anEmptyBodyOrAnotherHeaderIsNoFileOfPastSales() {
        PastSalesFile empty = read();
        PastSalesFile other = read("order,date,book", "A1,2025-01-01,x");

        assertThat(empty.isAcceptable()).isFalse();
        assertThat(empty.isUnreadable()).isTrue();
        assertThat(empty.problems())
                .singleElement()
                .extracting(LineProblem::line)
                .isEqualTo(1);
        assertThat(other.isUnreadable()).isTrue();
        assertThat(other.problems()).singleElement().satisfies(problem -> assertThat(problem.message())
                .contains("missing: order_ref, ordered_at, isbn, quantity, unit_price, customer_ref")
                .contains("unknown: order, date, book"));
    }

    @Test
    void aQuoteLeftOpenIsNoCsv() {
        assertThatIllegalArgumentException().isThrownBy(() -> SalesCsv.fields("\"A1,2025"));
        assertThatIllegalArgumentException().isThrownBy(() -> SalesCsv.fields("\"A1\"x,2025"));
        assertThat(SalesCsv.fields("a,,b,")).containsExactly("a", "", "b", "");
    }

    @Test
    void isbnsAreThirteenDigitsWithTheirCheckDigit() {
        assertThat(Isbn13.isValid(BOOK)).isTrue();
        assertThat(Isbn13.isValid("9787572610913")).isFalse();
        assertThat(Isbn13.isValid("7572610912")).isFalse();
        assertThat(Isbn13.isValid("1234567890128")).isFalse();
        assertThat(Isbn13.isValid("978757261091X")).isFalse();
    }

    private static PastSalesFile read(String... lines) {
        PastSalesFile file = new PastSalesFile(CATALOGUE, NOW, SHANGHAI);
        List.of(lines).forEach(file::read);
        return file;
    }
}
