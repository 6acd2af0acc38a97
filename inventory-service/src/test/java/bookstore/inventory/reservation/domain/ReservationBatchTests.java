package bookstore.inventory.reservation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import bookstore.inventory.stock.domain.AppliedMovement;
import bookstore.inventory.stock.domain.LowStockThreshold;
import bookstore.inventory.stock.domain.MovementKind;
import bookstore.inventory.stock.domain.StockChanges;
import bookstore.inventory.stock.domain.StockLevel;
import bookstore.inventory.stock.domain.StockRecord;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReservationBatchTests {

    private static StockChanges stock(StockRecord... records) {
        return new StockChanges(List.of(records));
    }

    private static StockRecord book(String bookId, int copies) {
        return new StockRecord(bookId, new StockLevel(copies, 0), new LowStockThreshold(0), 1);
    }

    private static ReservationRequest request(String orderId, String bookId, int quantity) {
        return new ReservationRequest(orderId, List.of(new ReservationLine(bookId, quantity)));
    }

    @Test
    void theEarliestOrdersGetTheLastCopies() {
        ReservationBatch batch = new ReservationBatch(List.of(), stock(book("a", 3)));

        List<ReservationStatus> outcomes = IntStream.range(0, 5)
                .mapToObj(i -> batch.reserve(request("order-" + i, "a", 1)).status())
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
        ReservationBatch batch = new ReservationBatch(List.of(), stock(book("a", 5), book("b", 1)));

        Reservation refused = batch.reserve(new ReservationRequest(
                "order-1",
                List.of(new ReservationLine("c", 1), new ReservationLine("a", 2), new ReservationLine("b", 2))));

        assertThat(refused.status()).isEqualTo(ReservationStatus.REJECTED);
        assertThat(refused.refusal()).isEqualTo(Refusal.INSUFFICIENT_STOCK);
        assertThat(refused.shortBookIds()).containsExactly("b", "c");
        assertThat(batch.stock().movements()).isEmpty();
    }

    @Test
    void commandsOfOneOrderSeeWhatTheOnesBeforeThemDid() {
        ReservationBatch batch = new ReservationBatch(List.of(), stock(book("a", 10)));

        batch.reserve(request("order-1", "a", 2));
        batch.commit("order-1");
        Reservation returned = batch.release("order-1", "customer returned it");

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
    void aKnownReservationIsChangedAndARepeatedReserveLeavesItAsItIs() {
        Reservation held = request("order-1", "a", 2).granted();
        StockRecord a = new StockRecord("a", new StockLevel(10, 2), new LowStockThreshold(0), 2);
        ReservationBatch batch = new ReservationBatch(List.of(held), stock(a));

        Reservation again = batch.reserve(request("order-1", "a", 5));
        Reservation committed = batch.commit("order-1");
        Reservation committedAgain = batch.commit("order-1");

        assertThat(again).isEqualTo(held);
        assertThat(committedAgain).isEqualTo(committed);
        assertThat(batch.stock().movements()).hasSize(1);
        assertThat(batch.added()).isEmpty();
        assertThat(batch.changed())
                .singleElement()
                .extracting(Reservation::status)
                .isEqualTo(ReservationStatus.COMMITTED);
    }

    @Test
    void aReleaseBeforeItsReserveCancelsTheOrder() {
        ReservationBatch batch = new ReservationBatch(List.of(), stock(book("a", 10)));

        Reservation cancelled = batch.release("order-1", "timeout");
        Reservation late = batch.reserve(request("order-1", "a", 1));

        assertThat(cancelled.status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(late.answerToReserve()).contains(Refusal.ORDER_CANCELLED);
        assertThat(batch.stock().movements()).isEmpty();
        assertThat(batch.added()).containsExactly(cancelled);
    }

    @Test
    void committingAnOrderInventoryHoldsNothingForFails() {
        ReservationBatch batch = new ReservationBatch(List.of(), stock(book("a", 10)));

        assertThatThrownBy(() -> batch.commit("order-1"))
                .isInstanceOf(IllegalReservationStateException.class)
                .hasMessageContaining("order-1");
    }
}
