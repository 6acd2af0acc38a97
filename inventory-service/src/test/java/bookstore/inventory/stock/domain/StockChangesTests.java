package bookstore.inventory.stock.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class StockChangesTests {

    private static final LowStockThreshold FIVE = new LowStockThreshold(5);

    private static StockRecord record(String bookId, int onHand, int reserved, long version) {
        return new StockRecord(bookId, new StockLevel(onHand, reserved), FIVE, version, CustomerReturns.NONE);
    }

    @Test
    void eachMovementGetsItsBooksNextVersionAndTheLevelItLeft() {
        StockChanges changes = new StockChanges(List.of(record("a", 10, 0, 4), record("b", 3, 1, 9)));

        changes.apply(Movement.reservation("a", "order-1", 2));
        changes.apply(Movement.sale("b", "order-2", 1));
        changes.apply(Movement.reservation("a", "order-3", 3));

        assertThat(changes.movements())
                .extracting(applied -> applied.movement().bookId(), AppliedMovement::version, AppliedMovement::after)
                .containsExactly(
                        tuple("a", 5L, new StockLevel(10, 2)),
                        tuple("b", 10L, new StockLevel(2, 0)),
                        tuple("a", 6L, new StockLevel(10, 5)));
        assertThat(changes.changed()).containsExactly(record("a", 10, 5, 6), record("b", 2, 0, 10));
    }

    @Test
    void booksThatDidNotMoveAreNotChanged() {
        StockChanges changes = new StockChanges(List.of(record("a", 10, 0, 1), record("b", 10, 0, 1)));

        changes.apply(Movement.receipt("b", 1, null));

        assertThat(changes.changed()).extracting(StockRecord::bookId).containsExactly("b");
        assertThat(changes.recordOf("a")).isEqualTo(record("a", 10, 0, 1));
    }

    @Test
    void aMovementThatWouldOversellIsRefusedAndChangesNothing() {
        StockChanges changes = new StockChanges(List.of(record("a", 2, 1, 1)));

        assertThat(changes.allows(Movement.reservation("a", "order-1", 2))).isFalse();
        assertThatThrownBy(() -> changes.apply(Movement.reservation("a", "order-1", 2)))
                .isInstanceOf(InsufficientStockException.class);
        assertThat(changes.movements()).isEmpty();
        assertThat(changes.recordOf("a")).isEqualTo(record("a", 2, 1, 1));
    }

    @Test
    void aBookNotReadIsNeitherStockedNorAllowedToMove() {
        StockChanges changes = new StockChanges(List.of());

        assertThat(changes.stocks("a")).isFalse();
        assertThat(changes.allows(Movement.receipt("a", 1, null))).isFalse();
        assertThatThrownBy(() -> changes.apply(Movement.receipt("a", 1, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBookTakenToItsThresholdAlertsOnceWithWhereItsMovementsLeftIt() {
        StockChanges changes = new StockChanges(List.of(record("a", 8, 0, 1)));

        changes.apply(Movement.reservation("a", "order-1", 3));
        changes.apply(Movement.reservation("a", "order-2", 1));
        changes.apply(Movement.reservation("a", "order-3", 1));

        assertThat(changes.runningLow()).containsExactly(record("a", 8, 5, 4));
    }

    @Test
    void aBookThatDippedAndRecoveredWithinTheChangesDoesNotAlert() {
        StockChanges changes = new StockChanges(List.of(record("a", 8, 0, 1)));

        changes.apply(Movement.reservation("a", "order-1", 4));
        changes.apply(Movement.release("a", "order-1", 4, "payment declined"));

        assertThat(changes.runningLow()).isEmpty();
    }

    @Test
    void aBookAlreadyLowDoesNotAlertAgain() {
        StockChanges changes = new StockChanges(List.of(record("a", 5, 0, 1)));

        changes.apply(Movement.reservation("a", "order-1", 1));

        assertThat(changes.runningLow()).isEmpty();
    }

    @Test
    void aRecordOpenedLowAlerts() {
        StockChanges changes = new StockChanges(List.of(record("a", 0, 0, 0), record("b", 0, 0, 0)));

        changes.apply(Movement.opening("a", 2));
        changes.apply(Movement.opening("b", 20));

        assertThat(changes.runningLow()).extracting(StockRecord::bookId).containsExactly("a");
    }
}
