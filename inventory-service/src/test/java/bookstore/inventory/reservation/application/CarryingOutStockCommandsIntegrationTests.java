package bookstore.inventory.reservation.application;

import static bookstore.inventory.StockFixtures.newOrderId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import bookstore.events.CloudEvents;
import bookstore.events.Money;
import bookstore.events.inventory.ReturnRestocked;
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
import bookstore.events.order.RestockReturn;
import bookstore.events.order.ReturnedCopies;
import bookstore.inventory.InventoryServiceTest;
import bookstore.inventory.StockFixtures;
import bookstore.inventory.reservation.domain.IllegalReservationStateException;
import bookstore.inventory.reservation.domain.Refusal;
import bookstore.inventory.reservation.domain.Reservation;
import bookstore.inventory.reservation.domain.ReservationBatch;
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
                .map(carried -> carried.stream()
                        .map(CarryingOutStockCommandsIntegrationTests::reservationOf)
                        .toList())
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

    @Test
    void aReturnPutsItsResalableCopiesBackAndWritesItsDamagedOnesOff() {
        String book = stock.bookWith(10);
        String orderId = sold(book, 3);
        String returnId = UUID.randomUUID().toString();

        ReservationBatch.Restocked restocked = restock(orderId, returnId, new ReturnedCopies(book, 1, 1));

        assertThat(restocked.answered()).isTrue();
        assertThat(stock.stockRow(book))
                .containsEntry("on_hand", 8)
                .containsEntry("reserved", 0)
                .containsEntry("version", 5L)
                .containsEntry("returned_to_stock", 1)
                .containsEntry("returned_damaged", 1);
        assertThat(stock.ledger(book))
                .extracting(
                        entry -> entry.get("kind"),
                        entry -> entry.get("on_hand_change"),
                        entry -> entry.get("written_off"),
                        entry -> entry.get("order_id"),
                        entry -> entry.get("return_id"))
                .containsExactly(
                        tuple("OPENING", 10, 0, null, null),
                        tuple("RESERVATION", 0, 0, orderId, null),
                        tuple("SALE", -3, 0, orderId, null),
                        tuple("RETURN", 1, 0, orderId, returnId),
                        tuple("DAMAGED", 0, 1, orderId, returnId));
        assertThat(stock.outboxTypes(orderId))
                .containsExactly(
                        CloudEvents.typeOf(StockReserved.class),
                        CloudEvents.typeOf(StockCommitted.class),
                        CloudEvents.typeOf(ReturnRestocked.class));
        assertThat(stock.outboxPayloads(orderId).getLast()).contains(returnId);
        assertThat(stock.outboxPayloads(book))
                .as("one level per book for the return, with both its movements")
                .last()
                .asString()
                .contains("\"onHand\":8", "\"available\":8", "\"version\":5");
    }

    @Test
    void theSameReturnAgainMovesNothingAndIsNotAnsweredAgain() {
        String book = stock.bookWith(10);
        String orderId = sold(book, 2);
        String returnId = UUID.randomUUID().toString();
        restock(orderId, returnId, new ReturnedCopies(book, 2, 0));
        Map<String, Object> once = stock.stockRow(book);
        int levelsAnnounced = stock.outboxPayloads(book).size();

        ReservationBatch.Restocked again = restock(orderId, returnId, new ReturnedCopies(book, 2, 0));

        assertThat(again.answered()).isFalse();
        assertThat(stock.stockRow(book)).isEqualTo(once).containsEntry("on_hand", 10);
        assertThat(stock.ledger(book)).hasSize(4);
        assertThat(stock.outboxPayloads(book)).as("no level announced again").hasSize(levelsAnnounced);
        assertThat(stock.outboxTypes(orderId))
                .as("the first answer only")
                .containsOnlyOnce(CloudEvents.typeOf(ReturnRestocked.class));
    }

    @Test
    void aReturnRepeatedInOneBatchIsTakenInAndAnsweredOnce() {
        String book = stock.bookWith(5);
        String orderId = newOrderId();
        RestockReturn restock = new RestockReturn(
                UUID.randomUUID(),
                Instant.now(),
                orderId,
                UUID.randomUUID().toString(),
                List.of(new ReturnedCopies(book, 1, 0)));

        List<ReservationBatch.Outcome> outcomes = carryingOut
                .carryOut(List.of(Delivered.untraced(restock), Delivered.untraced(restock)))
                .block();

        assertThat(outcomes)
                .extracting(outcome -> ((ReservationBatch.Restocked) outcome).answered())
                .containsExactly(true, false);
        assertThat(stock.stockRow(book)).containsEntry("on_hand", 6).containsEntry("returned_to_stock", 1);
        assertThat(stock.outboxTypes(orderId)).containsExactly(CloudEvents.typeOf(ReturnRestocked.class));
    }

    /**
     * Copies that physically came back are counted even for a book inventory never stocked (an order
     * from before inventory kept records of it): the return opens the book's record.
     */
    @Test
    void aReturnedBookInventoryNeverStockedGetsARecordOfItsOwn() {
        String book = UUID.randomUUID().toString();
        String orderId = newOrderId();

        restock(orderId, UUID.randomUUID().toString(), new ReturnedCopies(book, 2, 1));

        assertThat(stock.stockRow(book))
                .containsEntry("on_hand", 2)
                .containsEntry("reserved", 0)
                .containsEntry("version", 2L)
                .containsEntry("returned_to_stock", 2)
                .containsEntry("returned_damaged", 1);
        assertThat(stock.ledger(book)).extracting(entry -> entry.get("kind")).containsExactly("RETURN", "DAMAGED");
        assertThat(stock.outboxTypes(orderId)).containsExactly(CloudEvents.typeOf(ReturnRestocked.class));
    }

    @Test
    void copiesReturnedInABatchCanBeReservedByTheOrdersAfterThem() {
        String book = stock.bookWith(0);
        String returned = newOrderId();
        String next = newOrderId();

        List<ReservationBatch.Outcome> outcomes = carryingOut
                .carryOut(List.of(
                        Delivered.untraced(new RestockReturn(
                                UUID.randomUUID(),
                                Instant.now(),
                                returned,
                                UUID.randomUUID().toString(),
                                List.of(new ReturnedCopies(book, 1, 0)))),
                        Delivered.untraced(request(next, book, 1))))
                .block();

        assertThat(reservationOf(outcomes.getLast()).status()).isEqualTo(ReservationStatus.RESERVED);
        assertThat(stock.stockRow(book)).containsEntry("on_hand", 1).containsEntry("reserved", 1);
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

    /** A new order that bought these copies of the book (reserved, then committed). */
    private String sold(String bookId, int copies) {
        String orderId = newOrderId();
        reserve(request(orderId, bookId, copies)).block();
        commit(orderId).block();
        return orderId;
    }

    /** Takes in a return of these copies, in a batch of its own. */
    private ReservationBatch.Restocked restock(String orderId, String returnId, ReturnedCopies... copies) {
        RestockReturn restock = new RestockReturn(UUID.randomUUID(), Instant.now(), orderId, returnId, List.of(copies));
        return carryingOut
                .carryOut(List.of(Delivered.untraced(restock)))
                .map(outcomes -> (ReservationBatch.Restocked) outcomes.getFirst())
                .block();
    }

    /** A batch of one command. */
    private Mono<Reservation> carryOut(InventoryCommand command) {
        return carryingOut
                .carryOut(List.of(Delivered.untraced(command)))
                .map(outcomes -> reservationOf(outcomes.getFirst()));
    }

    /** What a reserve, commit or release left of its order's reservation. */
    private static Reservation reservationOf(ReservationBatch.Outcome outcome) {
        return ((ReservationBatch.Carried) outcome).reservation();
    }

    private static ReserveStock request(String orderId, String bookId, int quantity) {
        return new ReserveStock(
                UUID.randomUUID(), Instant.now(), orderId, List.of(new OrderLine(bookId, quantity, PRICE)));
    }
}
