package bookstore.inventory.stock.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LowStockThresholdTests {

    private static final String BOOK = "book-1";
    private final LowStockThreshold five = new LowStockThreshold(5);

    @Test
    void alertsWhenChangesTakeAvailableStockToTheThreshold() {
        assertThat(five.alertsOn(new StockLevel(7, 0), new StockLevel(7, 2))).isTrue();
        assertThat(five.alertsOn(new StockLevel(9, 0), new StockLevel(9, 8))).isTrue();
    }

    @Test
    void doesNotAlertAgainWhileStockStaysLow() {
        assertThat(five.alertsOn(new StockLevel(7, 2), new StockLevel(7, 3))).isFalse();
    }

    @Test
    void doesNotAlertWhileStockStaysAboveTheThreshold() {
        assertThat(five.alertsOn(new StockLevel(10, 0), new StockLevel(10, 1))).isFalse();
    }

    @Test
    void doesNotAlertWhenStockRecoversAboveTheThreshold() {
        assertThat(five.alertsOn(new StockLevel(2, 0), new StockLevel(12, 0))).isFalse();
    }

    @Test
    void aRecordOpenedLowAlertsAtOnce() {
        assertThat(five.alertsOnOpening(new StockLevel(3, 0))).isTrue();
        assertThat(five.alertsOnOpening(new StockLevel(30, 0))).isFalse();
    }

    @Test
    void raisingTheThresholdAboveAvailableStockMakesTheBookLow() {
        StockRecord record = new StockRecord(BOOK, new StockLevel(8, 0), five, 3, CustomerReturns.NONE);

        assertThat(record.isLow()).isFalse();
        assertThat(record.becomesLowWith(new LowStockThreshold(8))).isTrue();
        assertThat(record.becomesLowWith(new LowStockThreshold(7))).isFalse();
    }

    @Test
    void thresholdIsNeverNegative() {
        assertThatThrownBy(() -> new LowStockThreshold(-1)).isInstanceOf(InvalidStockChangeException.class);
    }
}
