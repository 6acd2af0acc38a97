package bookstore.inventory.reservation.application;

import static bookstore.inventory.StockFixtures.newOrderId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import bookstore.events.CloudEvents;
import bookstore.events.Money;
import bookstore.events.inventory.StockCommitted;
import bookstore.events.inventory.StockLevelChanged;
import bookstore.events.inventory.StockReleased;
import bookstore.events.inventory.StockReservationFailed;
import bookstore.events.inventory.StockReserved;
import bookstore.events.order.CommitStock;
import bookstore.events.order.InventoryCommand;
import bookstore.events.order.OrderLine;
import bookstore.events.order.ReleaseStock;
import bookstore.events.order.ReserveStock;
import bookstore.inventory.InventoryServiceTest;
import bookstore.inventory.StockFixtures;
import bookstore.inventory.reservation.domain.IllegalReservationStateException;
import bookstore.inventory.reservation.domain.Refusal;
import bookstore.inventory.reservation.domain.Reservation;
import bookstore.inventory.reservation.domain.ReservationLine;
import bookstore.inventory.reservation.domain.ReservationStatus;
import bookstore.inventory.stock.application.OpeningStock;
import bookstore.platform.messaging.Delivered;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The saga's commands on real PostgreSQL, a batch of one at a time: no oversell under concurrency,
 * all-or-nothing lines, repeated and out-of-order commands. Answers are read from what the
 * transaction appended to the outbox, where they commit with the stock change they report.
 */
@InventoryServiceTest
class CarryingOutStockCommandsIntegrationTests {

    private static final Money PRICE = new Money(4500, "CNY");

    @Autowired
    CarryingOutStockCommands carryingOut;

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
                .flatMap(i -> reserve(request(newOrderId(), book, 1)), 200)
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

        Reservation refused = reserve(new ReserveStock(
                        UUID.randomUUID(),
                        Instant.now(),
                        orderId,
                        List.of(
                                new OrderLine(plenty, 2, PRICE),
                                new OrderLine(scarce, 2, PRICE),
                                new OrderLine(soldOut, 1, PRICE))))
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

        Reservation refused = reserve(request(orderId, "never-added", 1)).block();

        assertThat(refused.status()).isEqualTo(ReservationStatus.REJECTED);
        assertThat(refused.shortBookIds()).containsExactly("never-added");
    }

    @Test
    void aRepeatedReserveChangesNothingAndIsNotAnsweredAgain() {
        String book = stock.bookWith(10);
        String orderId = newOrderId();

        reserve(request(orderId, book, 2)).block();
        Reservation again = reserve(request(orderId, book, 3)).block();

        assertThat(again.status()).isEqualTo(ReservationStatus.RESERVED);
        assertThat(again.lines()).containsExactly(new ReservationLine(book, 2));
        assertThat(stock.stockRow(book)).containsEntry("reserved", 2);
        assertThat(stock.outboxTypes(orderId)).containsExactly(CloudEvents.typeOf(StockReserved.class));
    }

    @Test
    void aRepeatedReserveOfARefusedOrderStaysRefusedEvenWhenStockArrivedMeanwhile() {
        String book = stock.bookWith(1);
        String orderId = newOrderId();

        reserve(request(orderId, book, 2)).block();
        stock.bookWith(0);
        Reservation again = reserve(request(orderId, book, 1)).block();

        assertThat(again.status()).isEqualTo(ReservationStatus.REJECTED);
        assertThat(stock.stockRow(book)).containsEntry("reserved", 0);
        assertThat(stock.outboxPayloads(orderId)).singleElement().satisfies(reply -> assertThat(reply)
                .contains(StockReservationFailed.INSUFFICIENT_STOCK));
    }

    @Test
    void releaseBeforeReserveCancelsTheOrderAndRefusesItsLateReservation() {
        String book = stock.bookWith(10);
        String orderId = newOrderId();

        Reservation cancelled = release(orderId, "payment timed out").block();
        Reservation late = reserve(request(orderId, book, 1)).block();

        assertThat(cancelled.status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(late.status()).isEqualTo(ReservationStatus.REJECTED);
        assertThat(late.refusal()).isEqualTo(Refusal.ORDER_CANCELLED);
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
        reserve(request(orderId, book, 3)).block();

        Reservation released = release(orderId, "payment declined").block();
        Reservation releasedAgain = release(orderId, "payment declined").block();

        assertThat(released.status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(releasedAgain.status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(stock.stockRow(book)).containsEntry("on_hand", 4).containsEntry("reserved", 0);
        assertThat(stock.ledger(book))
                .extracting(entry -> entry.get("kind"))
                .containsExactly("OPENING", "RESERVATION", "RELEASE");
        assertThat(stock.outboxTypes(orderId))
                .as("the repeated release is not answered again")
                .containsExactly(CloudEvents.typeOf(StockReserved.class), CloudEvents.typeOf(StockReleased.class));
    }

    @Test
    void committingSellsTheCopiesAndReleasingAfterwardsRestocksThem() {
        String book = stock.bookWith(10);
        String orderId = newOrderId();
        reserve(request(orderId, book, 3)).block();

        commit(orderId).block();
        commit(orderId).block();
        Map<String, Object> sold = stock.stockRow(book);
        Reservation returned = release(orderId, "customer returned the order").block();

        assertThat(sold).containsEntry("on_hand", 7).containsEntry("reserved", 0);
        assertThat(returned.status()).isEqualTo(ReservationStatus.RETURNED);
        assertThat(stock.stockRow(book)).containsEntry("on_hand", 10).containsEntry("reserved", 0);
        assertThat(stock.ledger(book))
                .extracting(entry -> entry.get("kind"))
                .containsExactly("OPENING", "RESERVATION", "SALE", "RETURN");
        assertThat(stock.outboxTypes(orderId))
                .as("the repeated commit is not answered again")
                .containsExactly(
                        CloudEvents.typeOf(StockReserved.class),
                        CloudEvents.typeOf(StockCommitted.class),
                        CloudEvents.typeOf(StockReleased.class));
    }

    @Test
    void anOrderThatHoldsNothingCannotBeCommitted() {
        String book = stock.bookWith(10);
        String released = newOrderId();
        reserve(request(released, book, 1)).block();
        release(released, "timeout").block();

        assertThatThrownBy(() -> commit(released).block()).isInstanceOf(IllegalReservationStateException.class);
        assertThatThrownBy(() -> commit(newOrderId()).block()).isInstanceOf(IllegalReservationStateException.class);
        assertThat(stock.stockRow(book)).containsEntry("on_hand", 10).containsEntry("reserved", 0);
    }

    @Test
    void everyReservationAndItsAnswerCommitTogether() {
        String book = stock.bookWith(3);
        String orderId = newOrderId();

        reserve(request(orderId, book, 3)).block();

        assertThat(stock.outboxTypes(book, orderId))
                .filteredOn(type -> !type.equals("bookstore.inventory.LowStockDetected"))
                .containsExactly(
                        "bookstore.inventory.StockLevelChanged",
                        "bookstore.inventory.StockLevelChanged",
                        "bookstore.inventory.StockReserved");
    }

    @Test
    void aBatchAnswersEachCommandAndAnnouncesEachBookOnceWithItsFinalLevel() {
        String book = stock.bookWith(12);
        String first = newOrderId();
        String second = newOrderId();

        List<Reservation> outcomes = carryingOut
                .carryOut(List.of(
                        Delivered.untraced(request(first, book, 2)),
                        Delivered.untraced(request(second, book, 3)),
                        Delivered.untraced(new CommitStock(UUID.randomUUID(), Instant.now(), first))))
                .block();

        assertThat(outcomes)
                .extracting(Reservation::orderId, Reservation::status)
                .containsExactly(
                        tuple(first, ReservationStatus.RESERVED),
                        tuple(second, ReservationStatus.RESERVED),
                        tuple(first, ReservationStatus.COMMITTED));
        assertThat(stock.outboxTypes(first))
                .containsExactly(CloudEvents.typeOf(StockReserved.class), CloudEvents.typeOf(StockCommitted.class));
        assertThat(stock.outboxTypes(second)).containsExactly(CloudEvents.typeOf(StockReserved.class));
        assertThat(stock.outboxPayloads(book))
                .hasSize(2)
                .last()
                .asString()
                .contains("\"onHand\":10", "\"reserved\":3", "\"available\":7", "\"version\":4");
        assertThat(stock.ledger(book))
                .extracting(entry -> entry.get("kind"))
                .containsExactly("OPENING", "RESERVATION", "RESERVATION", "SALE");
    }

    private Mono<Reservation> reserve(ReserveStock command) {
        return carryOut(command);
    }

    private Mono<Reservation> release(String orderId, String why) {
        return carryOut(new ReleaseStock(UUID.randomUUID(), Instant.now(), orderId, why));
    }

    private Mono<Reservation> commit(String orderId) {
        return carryOut(new CommitStock(UUID.randomUUID(), Instant.now(), orderId));
    }

    /** A batch of one command. */
    private Mono<Reservation> carryOut(InventoryCommand command) {
        return carryingOut.carryOut(List.of(Delivered.untraced(command))).map(List::getFirst);
    }

    private static ReserveStock request(String orderId, String bookId, int quantity) {
        return new ReserveStock(
                UUID.randomUUID(), Instant.now(), orderId, List.of(new OrderLine(bookId, quantity, PRICE)));
    }
}
