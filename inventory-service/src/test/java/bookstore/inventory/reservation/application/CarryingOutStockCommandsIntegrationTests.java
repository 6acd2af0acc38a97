package bookstore.inventory.reservation.application;

import static bookstore.inventory.StockFixtures.newOrderId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bookstore.events.CloudEvents;
import bookstore.events.inventory.StockCommitted;
import bookstore.events.inventory.StockLevelChanged;
import bookstore.events.inventory.StockReleased;
import bookstore.events.inventory.StockReservationFailed;
import bookstore.events.inventory.StockReserved;
import bookstore.inventory.InventoryServiceTest;
import bookstore.inventory.StockFixtures;
import bookstore.inventory.reservation.domain.IllegalReservationStateException;
import bookstore.inventory.reservation.domain.Reservation;
import bookstore.inventory.reservation.domain.ReservationLine;
import bookstore.inventory.reservation.domain.ReservationRequest;
import bookstore.inventory.reservation.domain.ReservationStatus;
import bookstore.inventory.stock.application.OpeningStock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

/**
 * The saga's use cases on real PostgreSQL: no oversell under concurrency, all-or-nothing lines,
 * repeated and out-of-order commands. Answers are read from the outbox, where they commit with the
 * stock change they report.
 */
@InventoryServiceTest
class ReservingStockIntegrationTests {

    @Autowired
    ReservingStock reserving;

    @Autowired
    ReleasingStock releasing;

    @Autowired
    CommittingStock committing;

    @Autowired
    OpeningStock opening;

    @Autowired
    DatabaseClient database;

    StockFixtures stock;

    @BeforeEach
    void fixtures() {
        stock = new StockFixtures(opening, database);
    }

    @Test
    void twoHundredConcurrentOrdersForFiftyCopiesReserveExactlyFifty() {
        String book = stock.bookWith(50);

        List<Reservation> outcomes = Flux.range(0, 200)
                .flatMap(i -> reserving.reserve(request(newOrderId(), book, 1)), 200)
                .collectList()
                .block(Duration.ofMinutes(2));

        assertThat(outcomes)
                .filteredOn(r -> r.status() == ReservationStatus.RESERVED)
                .hasSize(50);
        assertThat(outcomes)
                .filteredOn(r -> r.status() == ReservationStatus.REJECTED)
                .hasSize(150);
        assertThat(stock.stockRow(book)).containsEntry("on_hand", 50).containsEntry("reserved", 50);
        List<Map<String, Object>> ledger = stock.ledger(book);
        assertThat(ledger).hasSize(51);
        assertThat(ledger).as("available stock after every movement").allSatisfy(entry -> assertThat(
                        (int) entry.get("on_hand_after") - (int) entry.get("reserved_after"))
                .isNotNegative());
        assertThat(ledger)
                .extracting(entry -> entry.get("stock_version"))
                .containsExactlyElementsOf(
                        java.util.stream.LongStream.rangeClosed(1, 51).boxed().toList());
    }

    @Test
    void aShortLineReservesNothingAndNamesEveryShortBook() {
        String plenty = stock.bookWith(5);
        String scarce = stock.bookWith(1);
        String soldOut = stock.bookWith(0);
        String orderId = newOrderId();

        Reservation refused = reserving
                .reserve(new ReservationRequest(
                        orderId,
                        List.of(
                                new ReservationLine(plenty, 2),
                                new ReservationLine(scarce, 2),
                                new ReservationLine(soldOut, 1))))
                .block();

        assertThat(refused.status()).isEqualTo(ReservationStatus.REJECTED);
        assertThat(refused.shortBookIds()).containsExactlyInAnyOrder(scarce, soldOut);
        assertThat(stock.stockRow(plenty))
                .as("the line that fitted was rolled back with the rest")
                .containsEntry("reserved", 0)
                .containsEntry("version", 1L);
        assertThat(stock.ledger(plenty)).hasSize(1);
        assertThat(stock.outboxTypes(plenty))
                .as("no stock level was announced for the rolled-back line")
                .containsOnlyOnce(CloudEvents.typeOf(StockLevelChanged.class));
        assertThat(stock.outboxTypes(orderId)).containsExactly(CloudEvents.typeOf(StockReservationFailed.class));
        assertThat(stock.outboxPayloads(orderId).getFirst())
                .contains(StockReservationFailed.INSUFFICIENT_STOCK)
                .contains(scarce)
                .contains(soldOut)
                .doesNotContain(plenty);
    }

    @Test
    void aBookInventoryDoesNotKnowIsShort() {
        String orderId = newOrderId();

        Reservation refused =
                reserving.reserve(request(orderId, "never-added", 1)).block();

        assertThat(refused.status()).isEqualTo(ReservationStatus.REJECTED);
        assertThat(refused.shortBookIds()).containsExactly("never-added");
    }

    @Test
    void aRepeatedReserveIsAnsweredAgainWithoutReservingTwice() {
        String book = stock.bookWith(10);
        String orderId = newOrderId();

        reserving.reserve(request(orderId, book, 2)).block();
        Reservation again = reserving.reserve(request(orderId, book, 3)).block();

        assertThat(again.status()).isEqualTo(ReservationStatus.RESERVED);
        assertThat(again.lines()).containsExactly(new ReservationLine(book, 2));
        assertThat(stock.stockRow(book)).containsEntry("reserved", 2);
        assertThat(stock.outboxTypes(orderId))
                .containsExactly(CloudEvents.typeOf(StockReserved.class), CloudEvents.typeOf(StockReserved.class));
    }

    @Test
    void aRepeatedReserveOfARefusedOrderIsRefusedAgainEvenWhenStockArrivedMeanwhile() {
        String book = stock.bookWith(1);
        String orderId = newOrderId();

        reserving.reserve(request(orderId, book, 2)).block();
        stock.bookWith(0);
        Reservation again = reserving.reserve(request(orderId, book, 1)).block();

        assertThat(again.status()).isEqualTo(ReservationStatus.REJECTED);
        assertThat(stock.stockRow(book)).containsEntry("reserved", 0);
        assertThat(stock.outboxPayloads(orderId)).hasSize(2).allSatisfy(reply -> assertThat(reply)
                .contains(StockReservationFailed.INSUFFICIENT_STOCK));
    }

    @Test
    void releaseBeforeReserveCancelsTheOrderAndRefusesItsLateReservation() {
        String book = stock.bookWith(10);
        String orderId = newOrderId();

        Reservation cancelled = releasing.release(orderId, "payment timed out").block();
        Reservation late = reserving.reserve(request(orderId, book, 1)).block();

        assertThat(cancelled.status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(late.status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(stock.stockRow(book)).containsEntry("reserved", 0).containsEntry("version", 1L);
        assertThat(stock.outboxTypes(orderId))
                .containsExactly(
                        CloudEvents.typeOf(StockReleased.class), CloudEvents.typeOf(StockReservationFailed.class));
        assertThat(stock.outboxPayloads(orderId).getLast()).contains(StockReservationFailed.ORDER_CANCELLED);
    }

    @Test
    void releasingAHeldReservationMakesItsCopiesAvailableAgain() {
        String book = stock.bookWith(4);
        String orderId = newOrderId();
        reserving.reserve(request(orderId, book, 3)).block();

        Reservation released = releasing.release(orderId, "payment declined").block();
        Reservation releasedAgain =
                releasing.release(orderId, "payment declined").block();

        assertThat(released.status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(releasedAgain.status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(stock.stockRow(book)).containsEntry("on_hand", 4).containsEntry("reserved", 0);
        assertThat(stock.ledger(book))
                .extracting(entry -> entry.get("kind"))
                .containsExactly("OPENING", "RESERVATION", "RELEASE");
        assertThat(stock.outboxTypes(orderId))
                .containsExactly(
                        CloudEvents.typeOf(StockReserved.class),
                        CloudEvents.typeOf(StockReleased.class),
                        CloudEvents.typeOf(StockReleased.class));
    }

    @Test
    void committingSellsTheCopiesAndReleasingAfterwardsRestocksThem() {
        String book = stock.bookWith(10);
        String orderId = newOrderId();
        reserving.reserve(request(orderId, book, 3)).block();

        committing.commit(orderId).block();
        committing.commit(orderId).block();
        Map<String, Object> sold = stock.stockRow(book);
        Reservation returned =
                releasing.release(orderId, "customer returned the order").block();

        assertThat(sold).containsEntry("on_hand", 7).containsEntry("reserved", 0);
        assertThat(returned.status()).isEqualTo(ReservationStatus.RETURNED);
        assertThat(stock.stockRow(book)).containsEntry("on_hand", 10).containsEntry("reserved", 0);
        assertThat(stock.ledger(book))
                .extracting(entry -> entry.get("kind"))
                .containsExactly("OPENING", "RESERVATION", "SALE", "RETURN");
        assertThat(stock.outboxTypes(orderId))
                .containsExactly(
                        CloudEvents.typeOf(StockReserved.class),
                        CloudEvents.typeOf(StockCommitted.class),
                        CloudEvents.typeOf(StockCommitted.class),
                        CloudEvents.typeOf(StockReleased.class));
    }

    @Test
    void anOrderThatHoldsNothingCannotBeCommitted() {
        String book = stock.bookWith(10);
        String released = newOrderId();
        reserving.reserve(request(released, book, 1)).block();
        releasing.release(released, "timeout").block();

        assertThatThrownBy(() -> committing.commit(released).block())
                .isInstanceOf(IllegalReservationStateException.class);
        assertThatThrownBy(() -> committing.commit(newOrderId()).block())
                .isInstanceOf(IllegalReservationStateException.class);
        assertThat(stock.stockRow(book)).containsEntry("on_hand", 10).containsEntry("reserved", 0);
    }

    @Test
    void everyReservationAndItsAnswerCommitTogether() {
        String book = stock.bookWith(3);
        String orderId = newOrderId();

        reserving.reserve(request(orderId, book, 3)).block();

        String[] kinds = database.sql("""
                        SELECT array_agg(event_type ORDER BY id) AS kinds FROM outbox_event
                         WHERE record_key IN (:book, :order) AND event_type <> 'bookstore.inventory.LowStockDetected'
                        """)
                .bind("book", book)
                .bind("order", orderId)
                .map(row -> row.get("kinds", String[].class))
                .one()
                .block();
        assertThat(Arrays.asList(kinds))
                .containsExactly(
                        "bookstore.inventory.StockLevelChanged",
                        "bookstore.inventory.StockLevelChanged",
                        "bookstore.inventory.StockReserved");
    }

    private static ReservationRequest request(String orderId, String bookId, int quantity) {
        return new ReservationRequest(orderId, List.of(new ReservationLine(bookId, quantity)));
    }
}
