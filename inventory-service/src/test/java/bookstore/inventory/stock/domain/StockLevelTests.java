package bookstore.inventory.stock.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StockLevelTests {

    private static final String BOOK = "book-1";

    @Test
    void availableIsWhatIsOnHandAndNotReserved() {
        assertThat(new StockLevel(10, 3).available()).isEqualTo(7);
    }

    @Test
    void reservingTakesFromAvailableButLeavesOnHand() {
        StockLevel after = new StockLevel(10, 3).after(Movement.reservation(BOOK, "order-1", 7));

        assertThat(after).isEqualTo(new StockLevel(10, 10));
        assertThat(after.available()).isZero();
    }

    @Test
    void refusesToReserveMoreThanIsAvailable() {
        StockLevel level = new StockLevel(10, 3);

        assertThatThrownBy(() -> level.after(Movement.reservation(BOOK, "order-1", 8)))
                .isInstanceOf(InsufficientStockException.class)
                .hasMessageContaining("7 copies available")
                .hasMessageContaining("needs 8");
    }

    @Test
    void saleTakesReservedCopiesOffTheShelf() {
        StockLevel after = new StockLevel(10, 4).after(Movement.sale(BOOK, "order-1", 4));

        assertThat(after).isEqualTo(new StockLevel(6, 0));
    }

    @Test
    void releaseMakesReservedCopiesAvailableAgain() {
        StockLevel after = new StockLevel(10, 4).after(Movement.release(BOOK, "order-1", 4, "payment declined"));

        assertThat(after.available()).isEqualTo(10);
    }

    @Test
    void restockBringsSoldCopiesBackOnHand() {
        StockLevel after = new StockLevel(6, 0).after(Movement.restock(BOOK, "order-1", 4, "cancelled"));

        assertThat(after).isEqualTo(new StockLevel(10, 0));
    }

    @Test
    void adjustmentCannotTakeAwayCopiesPromisedToOrders() {
        StockLevel level = new StockLevel(5, 4);

        assertThatThrownBy(() -> level.after(Movement.adjustment(BOOK, AdjustmentReason.DAMAGED, -2, null)))
                .isInstanceOf(InsufficientStockException.class);
        assertThat(level.after(Movement.adjustment(BOOK, AdjustmentReason.DAMAGED, -1, null)))
                .isEqualTo(new StockLevel(4, 4));
    }

    @Test
    void cannotReleaseMoreThanIsReserved() {
        assertThatThrownBy(() -> new StockLevel(5, 1).after(Movement.release(BOOK, "order-1", 2, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allowsExactlyWhatItCanApply() {
        StockLevel level = new StockLevel(5, 4);

        assertThat(level.allows(Movement.reservation(BOOK, "order-1", 1))).isTrue();
        assertThat(level.allows(Movement.reservation(BOOK, "order-1", 2))).isFalse();
        assertThat(level.allows(Movement.adjustment(BOOK, AdjustmentReason.DAMAGED, -2, null)))
                .isFalse();
        assertThat(level.allows(Movement.release(BOOK, "order-1", 5, null))).isFalse();
        assertThat(level.allows(Movement.sale(BOOK, "order-1", 4))).isTrue();
    }

    @Test
    void aLevelNeverHoldsMoreReservedThanOnHandCopies() {
        assertThatThrownBy(() -> new StockLevel(2, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StockLevel(2, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
