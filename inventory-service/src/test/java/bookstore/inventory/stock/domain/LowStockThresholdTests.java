package bookstore.inventory.stock.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LowStockThresholdTests {

    private static final String BOOK = "book-1";
    private final LowStockThreshold five = new LowStockThreshold(5);

    @Test
    void alertsWhenAMovementTakesAvailableStockToTheThreshold() {
        Movement reservation = Movement.reservation(BOOK, "order-1", 2);

        assertThat(five.alertsOn(reservation, new StockLevel(7, 2))).isTrue();
    }

    @Test
    void doesNotAlertAgainWhileStockStaysLow() {
        Movement reservation = Movement.reservation(BOOK, "order-2", 1);

        assertThat(five.alertsOn(reservation, new StockLevel(7, 3))).isFalse();
    }

    @Test
    void doesNotAlertWhileStockStaysAboveTheThreshold() {
        assertThat(five.alertsOn(Movement.reservation(BOOK, "order-1", 1), new StockLevel(10, 1)))
                .isFalse();
    }

    @Test
    void doesNotAlertWhenStockRecoversAboveTheThreshold() {
        assertThat(five.alertsOn(Movement.receipt(BOOK, 10, null), new StockLevel(12, 0)))
                .isFalse();
    }

    @Test
    void aRecordOpenedLowAlertsAtOnce() {
        assertThat(five.alertsOn(Movement.opening(BOOK, 3), new StockLevel(3, 0)))
                .isTrue();
        assertThat(five.alertsOn(Movement.opening(BOOK, 30), new StockLevel(30, 0)))
                .isFalse();
    }

    @Test
    void raisingTheThresholdAboveAvailableStockMakesTheBookLow() {
        StockRecord record = new StockRecord(BOOK, new StockLevel(8, 0), five, 3);

        assertThat(record.isLow()).isFalse();
        assertThat(record.becomesLowWith(new LowStockThreshold(8))).isTrue();
        assertThat(record.becomesLowWith(new LowStockThreshold(7))).isFalse();
    }

    @Test
    void thresholdIsNeverNegative() {
        assertThatThrownBy(() -> new LowStockThreshold(-1)).isInstanceOf(InvalidStockChangeException.class);
    }
}
