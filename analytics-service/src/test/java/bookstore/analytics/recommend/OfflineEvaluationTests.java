package bookstore.analytics.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import bookstore.analytics.recommend.OfflineEvaluation.OrderLine;
import bookstore.analytics.recommend.OfflineEvaluation.Result;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hit rate@10 of the personal picks against the bestseller baseline, on held-out orders. */
class OfflineEvaluationTests {

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void hitRateOnAHandCheckedCase() {
        List<OrderLine> lines = new ArrayList<>();
        // Ten best sellers in one order of a customer with no second order: the baseline's whole list.
        for (int book = 1; book <= 10; book++) {
            lines.add(line("o0", 0, "F" + book, 100, "c9"));
        }
        lines.add(line("o1", 1, "A", 1, "c1"));
        lines.add(line("o1", 1, "B", 1, "c1"));
        lines.add(line("o2", 2, "A", 1, "c2"));
        lines.add(line("o2", 2, "C", 1, "c2"));
        lines.add(line("o3", 3, "B", 1, "c3"));
        lines.add(line("o3", 3, "D", 5, "c3"));
        // c2's last order: from A and C the picks reach B only (then the best sellers F1…); D is missed by both.
        lines.add(line("o4", 4, "D", 1, "c2"));
        // c1's last order: from A and B the picks are C (1/√2) and D (1/2); C is a hit, the baseline misses.
        lines.add(line("o5", 5, "C", 1, "c1"));

        Result result = new OfflineEvaluation(1, 20, book -> "all").evaluate(lines);

        assertThat(result).isEqualTo(new Result(2, 1, 1, 0));
        assertThat(result.picksHitRate()).isEqualTo(0.5);
        assertThat(result.baselineHitRate()).isZero();
    }

    @Test
    void aHeldOutOrderOfBooksAlreadyBoughtIsNotCountedNorIsACustomerWithOneOrder() {
        List<OrderLine> lines =
                List.of(line("o1", 1, "A", 1, "c1"), line("o2", 2, "A", 1, "c1"), line("o3", 3, "B", 1, "c2"));

        assertThat(new OfflineEvaluation(1, 20, book -> "all").evaluate(lines).evaluated())
                .isZero();
    }

    /**
     * Synthetic baskets with a known structure: five genres of twenty books; every customer buys from one genre (nine
     * books in ten; the tenth is one of four hits everybody buys). Picks built from co-purchases find the genre's
     * books; the best sellers are the hits and the genres' leaders.
     */
    @Test
    void picksBeatTheBestsellerBaselineOnBasketsWithKnownStructure() {
        Random random = new Random(20);
        List<OrderLine> lines = new ArrayList<>();
        int orders = 0;
        for (int customer = 0; customer < 600; customer++) {
            int genre = customer % 5;
            int ordersOfCustomer = 2 + random.nextInt(3);
            for (int order = 0; order < ordersOfCustomer; order++) {
                orders++;
                int books = 2 + random.nextInt(3);
                for (int book = 0; book < books; book++) {
                    String bookId = random.nextInt(10) < 9
                            ? "g" + genre + "-" + random.nextInt(20)
                            : "hit-" + random.nextInt(4);
                    lines.add(line("o" + orders, orders, bookId, 1 + random.nextInt(2), "c" + customer));
                }
            }
        }

        Result result = new OfflineEvaluation(2, 20, book -> book.substring(0, book.indexOf('-'))).evaluate(lines);
        System.out.println("Synthetic baskets: " + result);

        assertThat(result.evaluated()).isGreaterThan(500);
        assertThat(result.picksHitRate()).isGreaterThan(result.baselineHitRate() + 0.2);
        assertThat(result.unpaddedHitRate()).isGreaterThan(result.baselineHitRate() + 0.2);
    }

    @Test
    void readsTheImportsCsvWithItsColumnsInAnyOrderAndTimesWithOrWithoutAnOffset() throws IOException {
        String csv = """
                \uFEFFcustomer_ref,order_ref,ordered_at,isbn,quantity,unit_price
                cust-1,"A-1",2024-11-11T20:15:00+08:00,978-7-5366-9293-0,2,39.50
                cust-1,A-1,2024-11-11 20:15:00,9787536692947,1,12.00

                """;

        List<OrderLine> lines =
                OfflineEvaluation.readCsv(new BufferedReader(new StringReader(csv)), ZoneId.of("Asia/Shanghai"));

        assertThat(lines)
                .containsExactly(
                        new OrderLine("A-1", Instant.parse("2024-11-11T12:15:00Z"), "9787536692930", 2, "cust-1"),
                        new OrderLine("A-1", Instant.parse("2024-11-11T12:15:00Z"), "9787536692947", 1, "cust-1"));
    }

    private static OrderLine line(String order, int minute, String book, int quantity, String customer) {
        return new OrderLine(order, START.plus(Duration.ofMinutes(minute)), book, quantity, customer);
    }
}
