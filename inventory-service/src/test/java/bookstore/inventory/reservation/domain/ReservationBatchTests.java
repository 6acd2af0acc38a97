package bookstore.inventory.reservation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import bookstore.inventory.stock.domain.AppliedMovement;
import bookstore.inventory.stock.domain.CustomerReturns;
import bookstore.inventory.stock.domain.LowStockThreshold;
import bookstore.inventory.stock.domain.MovementKind;
import bookstore.inventory.stock.domain.StockChanges;
import bookstore.inventory.stock.domain.StockLevel;
import bookstore.inventory.stock.domain.StockRecord;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReservationBatchTests {

    private static StockChanges stock(StockRecord... records) {
        return new StockChanges(List.of(records));
    }

    private static StockRecord book(String bookId, int copies) {
        return new StockRecord(bookId, new StockLevel(copies, 0), new LowStockThreshold(0), 1, CustomerReturns.NONE);
    }

    private static ReservationRequest request(String orderId, String bookId, int quantity) {
        return new ReservationRequest(orderId, List.of(new ReservationLine(bookId, quantity)));
    }

    @Test
    void theEarliestOrdersGetTheLastCopies() {
        ReservationBatch batch = new ReservationBatch(List.of(), stock(book("a", 3)), Set.of());

        List<ReservationStatus> outcomes = IntStream.range(0, 5)
                .mapToObj(i -> batch.reserve(request("order-" + i, "a", 1))
                        .reservation()
                        .status())
                .toList();

        assertThat(outcomes)
                .containsExactly(
                        ReservationStatus.RESERVED,
                        ReservationStatus.RESERVED,
                        ReservationStatus.RESERVED,
                        ReservationStatus.REJECTED,
                        ReservationStatus.REJECTED);
        assertThat(batch.stock().recordOf("a").level()).isEqualTo(new StockLevel(3, 3));
        assertThat(batch.added()).hasSize(5);
    }

    @Test
    void aShortOrderHoldsNothingAndNamesEveryShortBook() {
        ReservationBatch batch = new ReservationBatch(List.of(), stock(book("a", 5), book("b", 1)), Set.of());

        Reservation refused = batch.reserve(new ReservationRequest(
                        "order-1",
                        List.of(new ReservationLine("c", 1), new ReservationLine("a", 2), new ReservationLine("b", 2))))
                .reservation();

        assertThat(refused.status()).isEqualTo(ReservationStatus.REJECTED);
        assertThat(refused.refusal()).isEqualTo(Refusal.INSUFFICIENT_STOCK);
        assertThat(refused.shortBookIds()).containsExactly("b", "c");
        assertThat(batch.stock().movements()).isEmpty();
    }

    @Test
    void commandsOfOneOrderSeeWhatTheOnesBeforeThemDid() {
        ReservationBatch batch = new ReservationBatch(List.of(), stock(book("a", 10)), Set.of());

        batch.reserve(request("order-1", "a", 2));
        batch.commit("order-1");
        Reservation returned = batch.release("order-1", "customer returned it").reservation();

        assertThat(returned.status()).isEqualTo(ReservationStatus.RETURNED);
        assertThat(batch.stock().movements())
                .extracting(applied -> applied.movement().kind(), AppliedMovement::after)
                .containsExactly(
                        tuple(MovementKind.RESERVATION, new StockLevel(10, 2)),
                        tuple(MovementKind.SALE, new StockLevel(8, 0)),
                        tuple(MovementKind.RETURN, new StockLevel(10, 0)));
        assertThat(batch.added()).containsExactly(returned);
        assertThat(batch.changed()).as("a new reservation is added as it ends").isEmpty();
    }

    @Test
    void aKnownReservationIsChangedAndRepeatedCommandsLeaveItAsItIsUnanswered() {
        Reservation held = request("order-1", "a", 2).granted();
        StockRecord a = new StockRecord("a", new StockLevel(10, 2), new LowStockThreshold(0), 2, CustomerReturns.NONE);
        ReservationBatch batch = new ReservationBatch(List.of(held), stock(a), Set.of());

        ReservationBatch.Carried again = batch.reserve(request("order-1", "a", 5));
        ReservationBatch.Carried committed = batch.commit("order-1");
        ReservationBatch.Carried committedAgain = batch.commit("order-1");

        assertThat(again).isEqualTo(new ReservationBatch.Carried(held, false));
        assertThat(committed.answered()).isTrue();
        assertThat(committedAgain).isEqualTo(new ReservationBatch.Carried(committed.reservation(), false));
        assertThat(batch.stock().movements()).hasSize(1);
        assertThat(batch.added()).isEmpty();
        assertThat(batch.changed())
                .singleElement()
                .extracting(Reservation::status)
                .isEqualTo(ReservationStatus.COMMITTED);
    }

    @Test
    void aReleaseBeforeItsReserveCancelsTheOrder() {
        ReservationBatch batch = new ReservationBatch(List.of(), stock(book("a", 10)), Set.of());

        ReservationBatch.Carried cancelled = batch.release("order-1", "timeout");
        ReservationBatch.Carried late = batch.reserve(request("order-1", "a", 1));
        ReservationBatch.Carried lateAgain = batch.reserve(request("order-1", "a", 1));
        ReservationBatch.Carried releasedAgain = batch.release("order-1", "timeout");

        assertThat(cancelled.reservation().status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(cancelled.answered()).isTrue();
        assertThat(late.answered()).isTrue();
        assertThat(late.reservation().answerToReserve()).contains(Refusal.ORDER_CANCELLED);
        assertThat(lateAgain.answered()).as("the refusal was answered once").isFalse();
        assertThat(releasedAgain.answered()).isFalse();
        assertThat(batch.stock().movements()).isEmpty();
        assertThat(batch.added()).containsExactly(late.reservation());
    }

    @Test
    void committingAnOrderInventoryHoldsNothingForFails() {
        ReservationBatch batch = new ReservationBatch(List.of(), stock(book("a", 10)), Set.of());

        assertThatThrownBy(() -> batch.commit("order-1"))
                .isInstanceOf(IllegalReservationStateException.class)
                .hasMessageContaining("order-1");
    }

    @Test
    void aReturnPutsItsResalableCopiesBackOnHandAndWritesTheDamagedOnesOff() {
        ReservationBatch batch = new ReservationBatch(List.of(), stock(book("a", 4), book("b", 0)), Set.of("return-1"));

        ReservationBatch.Restocked restocked = batch.restock(new ReturnRestock(
                "order-1",
                "return-1",
                List.of(
                        new ReturnRestock.ReturnedLine("b", 0, 1),
                        new ReturnRestock.ReturnedLine("a", 2, 1),
                        new ReturnRestock.ReturnedLine("a", 1, 0))));

        assertThat(restocked.answered()).isTrue();
        assertThat(batch.stock().movements())
                .extracting(
                        applied -> applied.movement().bookId(),
                        applied -> applied.movement().kind(),
                        applied -> applied.movement().writtenOff(),
                        AppliedMovement::after)
                .containsExactly(
                        tuple("a", MovementKind.RETURN, 0, new StockLevel(7, 0)),
                        tuple("a", MovementKind.DAMAGED, 1, new StockLevel(7, 0)),
                        tuple("b", MovementKind.DAMAGED, 1, new StockLevel(0, 0)));
        assertThat(batch.stock().movements()).allSatisfy(applied -> assertThat(applied.movement())
                .extracting(m -> m.orderId(), m -> m.returnId())
                .containsExactly("order-1", "return-1"));
        assertThat(batch.stock().recordOf("a").returns()).isEqualTo(new CustomerReturns(3, 1));
        assertThat(batch.stock().recordOf("a").version())
                .as("each movement raises the version")
                .isEqualTo(3);
        assertThat(batch.stock().recordOf("b").returns()).isEqualTo(new CustomerReturns(0, 1));
        assertThat(batch.added()).as("a return touches no reservation").isEmpty();
        assertThat(batch.changed()).isEmpty();
    }

    @Test
    void aReturnTakenInBeforeOrEarlierInTheBatchMovesNothingAndIsNotAnsweredAgain() {
        ReservationBatch batch = new ReservationBatch(List.of(), stock(book("a", 4)), Set.of("return-2"));
        ReturnRestock first = returnOf("return-1", "a", 1);
        ReturnRestock second = returnOf("return-2", "a", 2);

        ReservationBatch.Restocked before = batch.restock(first);
        ReservationBatch.Restocked now = batch.restock(second);
        ReservationBatch.Restocked again = batch.restock(second);

        assertThat(before.answered()).as("claimed by an earlier transaction").isFalse();
        assertThat(now.answered()).isTrue();
        assertThat(again.answered()).isFalse();
        assertThat(batch.stock().recordOf("a").level()).isEqualTo(new StockLevel(6, 0));
    }

    @Test
    void aReturnWithoutCopiesIsTakenInAndAnsweredButMovesNothing() {
        ReservationBatch batch = new ReservationBatch(List.of(), stock(book("a", 4)), Set.of("return-1"));

        ReservationBatch.Restocked restocked = batch.restock(new ReturnRestock("order-1", "return-1", List.of()));

        assertThat(restocked.answered()).isTrue();
        assertThat(batch.stock().movements()).isEmpty();
        assertThat(batch.stock().changed()).isEmpty();
    }

    private static ReturnRestock returnOf(String returnId, String bookId, int resalable) {
        return new ReturnRestock("order-1", returnId, List.of(new ReturnRestock.ReturnedLine(bookId, resalable, 0)));
    }
}
