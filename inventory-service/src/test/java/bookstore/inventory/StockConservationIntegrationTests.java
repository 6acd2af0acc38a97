package bookstore.inventory;

import static bookstore.inventory.StockFixtures.newOrderId;
import static org.assertj.core.api.Assertions.assertThat;

import bookstore.events.Money;
import bookstore.events.order.CommitStock;
import bookstore.events.order.InventoryCommand;
import bookstore.events.order.OrderLine;
import bookstore.events.order.ReleaseStock;
import bookstore.events.order.ReserveStock;
import bookstore.events.order.RestockReturn;
import bookstore.events.order.ReturnedCopies;
import bookstore.inventory.reservation.application.CarryingOutStockCommands;
import bookstore.inventory.reservation.domain.IllegalReservationStateException;
import bookstore.inventory.stock.application.AdjustingStock;
import bookstore.inventory.stock.application.OpeningStock;
import bookstore.inventory.stock.application.ReceivingStock;
import bookstore.inventory.stock.application.TakingStock;
import bookstore.inventory.stock.domain.AdjustmentReason;
import bookstore.inventory.stock.domain.InsufficientStockException;
import bookstore.platform.messaging.Delivered;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stock conservation after a run of every kind of change at once, on real PostgreSQL. In inventory's
 * terms, for every book:
 *
 * <pre>
 * opening + receipts + adjustments + stocktake variances = available + reserved + sold − returned to stock
 * </pre>
 *
 * where reserved and sold are counted from the orders' reservations (held, and committed but not
 * cancelled), independently of the stock record that holds available and reserved, and returned to
 * stock is the record's count of copies customers returned in good condition; the copies returned
 * damaged stay counted as sold and gone. The ledger of each book also sums to its stock record, and
 * its returns' movements to the record's counts. Batches of several orders run beside each other and lock the
 * same books: they must neither deadlock nor oversell.
 */
@InventoryServiceTest
class StockConservationIntegrationTests {

    @Autowired
    OpeningStock opening;

    private static final Money PRICE = new Money(4500, "CNY");

    @Autowired
    CarryingOutStockCommands carryingOut;

    @Autowired
    ReceivingStock receiving;

    @Autowired
    AdjustingStock adjusting;

    @Autowired
    TakingStock takingStock;

    @Autowired
    DatabaseClient database;

    @Test
    void stockIsConservedAfterConcurrentOrdersCancellationsReturnsAndStockKeeping() {
        StockFixtures stock = new StockFixtures(opening, database);
        List<String> books = List.of(stock.bookWith(40), stock.bookWith(25), stock.bookWith(8));
        Random random = new Random(20261122);
        List<String> orders = new ArrayList<>();
        List<Mono<?>> work = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            String orderId = newOrderId();
            orders.add(orderId);
            work.add(anOrder(orderId, books, random));
        }
        for (int i = 0; i < 12; i++) {
            List<InventoryCommand> batch = new ArrayList<>();
            for (int order = 0; order < 4; order++) {
                String orderId = newOrderId();
                orders.add(orderId);
                batch.add(reserve(orderId, books, random));
            }
            work.add(carryOut(batch.toArray(InventoryCommand[]::new)));
        }
        for (String book : books) {
            work.add(receiving.receive(book, 5, "delivery"));
            work.add(adjusting.adjust(book, AdjustmentReason.FOUND, 2, "behind the shelf"));
            work.add(adjusting
                    .adjust(book, AdjustmentReason.DAMAGED, -3, "water damage")
                    .onErrorResume(InsufficientStockException.class, soldOut -> Mono.empty()));
        }
        Collections.shuffle(work, random);

        Flux.fromIterable(work).flatMap(step -> step, 16).then().block(Duration.ofMinutes(2));
        for (String book : books) {
            int onHand = (int) stock.stockRow(book).get("on_hand");
            int reserved = (int) stock.stockRow(book).get("reserved");
            takingStock.count(book, Math.max(reserved, onHand - 1), "stocktake").block();
        }

        for (String book : books) {
            Map<String, Object> level = stock.stockRow(book);
            int onHand = (int) level.get("on_hand");
            int reserved = (int) level.get("reserved");
            int available = onHand - reserved;
            long held = linesOf(book, "RESERVED");
            long sold = linesOf(book, "COMMITTED");
            long brought = ledgerSum(book, "on_hand_change", "'OPENING', 'RECEIPT', 'ADJUSTMENT', 'STOCKTAKE'");
            int returnedToStock = (int) level.get("returned_to_stock");
            int returnedDamaged = (int) level.get("returned_damaged");

            assertThat(reserved)
                    .as("reserved copies of %s match the held reservations", book)
                    .isEqualTo(held);
            assertThat(brought)
                    .as("stock brought in = available + reserved + sold − returned to stock, for %s", book)
                    .isEqualTo(available + reserved + sold - returnedToStock);
            assertThat(returnedToStock + returnedDamaged)
                    .as("no more copies of %s came back than were sold", book)
                    .isLessThanOrEqualTo((int) sold);
            assertThat(ledgerSum(book, "on_hand_change", "'RETURN'", "return_id IS NOT NULL"))
                    .isEqualTo(returnedToStock);
            assertThat(ledgerSum(book, "written_off", "'DAMAGED'")).isEqualTo(returnedDamaged);
            assertThat(ledgerSum(book, "on_hand_change", null)).isEqualTo(onHand);
            assertThat(ledgerSum(book, "reserved_change", null)).isEqualTo(reserved);
            assertThat(available).isNotNegative();
        }
        // An order released before its reserve ends REJECTED as cancelled once the reserve comes.
        assertThat(statusesOf(orders))
                .as("the run went through every kind of outcome")
                .contains("RESERVED", "REJECTED", "COMMITTED", "RELEASED", "RETURNED");
        assertThat(refusalsOf(orders)).contains("INSUFFICIENT_STOCK", "ORDER_CANCELLED");
        assertThat(database.sql("""
                                SELECT count(DISTINCT kind) FROM stock_movement
                                 WHERE order_id = ANY(:orders) AND return_id IS NOT NULL""")
                        .bind("orders", orders.toArray(String[]::new))
                        .map(row -> row.get(0, Long.class))
                        .one()
                        .block())
                .as("customers returned copies both resalable and damaged")
                .isEqualTo(2);
        assertThat(database.sql("SELECT count(*) FROM stock_movement WHERE on_hand_after < reserved_after")
                        .map(row -> row.get(0, Long.class))
                        .one()
                        .block())
                .as("movements that left a book oversold")
                .isZero();
    }

    /**
     * One order's life: reserved, then paid, cancelled after payment, released early, repeated, or
     * paid and partly returned by the customer (the return delivered twice).
     */
    private Mono<?> anOrder(String orderId, List<String> books, Random random) {
        ReserveStock reserveCommand = reserve(orderId, books, random);
        Mono<?> reserve = carryOut(reserveCommand);
        Mono<?> sell = carryOut(new CommitStock(UUID.randomUUID(), Instant.now(), orderId));
        Mono<?> commit = sell.onErrorResume(e -> Mono.empty());
        Mono<?> release = carryOut(new ReleaseStock(UUID.randomUUID(), Instant.now(), orderId, "cancelled"));
        return switch (random.nextInt(7)) {
            case 0 -> reserve;
            case 1 -> reserve.then(commit);
            case 2 -> reserve.then(release);
            case 3 -> reserve.then(commit).then(release);
            case 4 -> release.then(reserve);
            case 5 -> {
                // Only a sold order is returned: a refused reservation cannot be committed.
                RestockReturn restock = returnOfPart(reserveCommand, random);
                yield reserve.then(sell)
                        .then(carryOut(restock))
                        .then(carryOut(restock))
                        .onErrorResume(IllegalReservationStateException.class, refused -> Mono.empty());
            }
            default -> carryOut(reserveCommand, reserveCommand).then(commit).then(commit);
        };
    }

    /** Some copies of the order's first line come back, some of them damaged. */
    private static RestockReturn returnOfPart(ReserveStock order, Random random) {
        OrderLine line = order.lines().getFirst();
        int returned = 1 + random.nextInt(line.quantity());
        int damaged = random.nextInt(returned + 1);
        return new RestockReturn(
                UUID.randomUUID(),
                Instant.now(),
                order.orderId(),
                UUID.randomUUID().toString(),
                List.of(new ReturnedCopies(line.bookId(), returned - damaged, damaged)));
    }

    private static ReserveStock reserve(String orderId, List<String> books, Random random) {
        List<OrderLine> lines = new ArrayList<>();
        int lineCount = 1 + random.nextInt(3);
        for (int line = 0; line < lineCount; line++) {
            lines.add(new OrderLine(books.get(random.nextInt(books.size())), 1 + random.nextInt(4), PRICE));
        }
        return new ReserveStock(UUID.randomUUID(), Instant.now(), orderId, lines);
    }

    /** The commands as one batch. */
    private Mono<?> carryOut(InventoryCommand... commands) {
        return carryingOut.carryOut(
                Arrays.stream(commands).map(Delivered::untraced).toList());
    }

    private List<String> refusalsOf(List<String> orders) {
        return database.sql(
                        "SELECT DISTINCT refusal FROM reservation WHERE order_id = ANY(:orders) AND refusal IS NOT NULL")
                .bind("orders", orders.toArray(String[]::new))
                .map(row -> row.get("refusal", String.class))
                .all()
                .collectList()
                .block();
    }

    private List<String> statusesOf(List<String> orders) {
        return database.sql("SELECT DISTINCT status FROM reservation WHERE order_id = ANY(:orders)")
                .bind("orders", orders.toArray(String[]::new))
                .map(row -> row.get("status", String.class))
                .all()
                .collectList()
                .block();
    }

    private long linesOf(String book, String status) {
        return database.sql("""
                        SELECT coalesce(sum(l.quantity), 0) FROM reservation_line l
                          JOIN reservation r ON r.order_id = l.order_id
                         WHERE l.book_id = :book AND r.status = :status
                        """)
                .bind("book", book)
                .bind("status", status)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    private long ledgerSum(String book, String column, String kinds, String... conditions) {
        String sql = "SELECT coalesce(sum(" + column + "), 0) FROM stock_movement WHERE book_id = :book"
                + (kinds == null ? "" : " AND kind IN (" + kinds + ")")
                + Arrays.stream(conditions)
                        .map(condition -> " AND " + condition)
                        .collect(Collectors.joining());
        return database.sql(sql)
                .bind("book", book)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }
}
