package bookstore.inventory.stock.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MovementTests {

    private static final String BOOK = "book-1";

    @Test
    void receiptAddsAtLeastOneCopy() {
        assertThat(Movement.receipt(BOOK, 12, "supplier delivery").onHandChange())
                .isEqualTo(12);
        assertThatThrownBy(() -> Movement.receipt(BOOK, 0, null))
                .isInstanceOf(InvalidStockChangeException.class)
                .extracting(e -> ((InvalidStockChangeException) e).field())
                .isEqualTo("quantity");
    }

    @Test
    void theAdjustmentReasonFixesItsDirection() {
        assertThat(Movement.adjustment(BOOK, AdjustmentReason.DAMAGED, -2, "water")
                        .onHandChange())
                .isEqualTo(-2);
        assertThat(Movement.adjustment(BOOK, AdjustmentReason.FOUND, 1, null).onHandChange())
                .isEqualTo(1);
        assertThat(Movement.adjustment(BOOK, AdjustmentReason.CORRECTION, -3, null)
                        .onHandChange())
                .isEqualTo(-3);

        assertThatThrownBy(() -> Movement.adjustment(BOOK, AdjustmentReason.DAMAGED, 2, null))
                .isInstanceOf(InvalidStockChangeException.class)
                .hasMessageContaining("must be negative");
        assertThatThrownBy(() -> Movement.adjustment(BOOK, AdjustmentReason.FOUND, -1, null))
                .isInstanceOf(InvalidStockChangeException.class)
                .hasMessageContaining("must be positive");
        assertThatThrownBy(() -> Movement.adjustment(BOOK, AdjustmentReason.CORRECTION, 0, null))
                .isInstanceOf(InvalidStockChangeException.class);
    }

    @Test
    void reasonCodesAreReadWhateverTheirCaseAndUnknownOnesAreRefused() {
        assertThat(AdjustmentReason.parse("returned_to_supplier")).isEqualTo(AdjustmentReason.RETURNED_TO_SUPPLIER);
        assertThatThrownBy(() -> AdjustmentReason.parse("EATEN"))
                .isInstanceOf(InvalidStockChangeException.class)
                .hasMessageContaining("DAMAGED");
        assertThatThrownBy(() -> AdjustmentReason.parse(" ")).isInstanceOf(InvalidStockChangeException.class);
    }

    @Test
    void stocktakeRecordsTheVarianceAgainstTheRecordedQuantity() {
        StockLevel recorded = new StockLevel(20, 5);

        Movement shortCount = Movement.stocktake(BOOK, recorded, 17, "annual count");
        Movement overCount = Movement.stocktake(BOOK, recorded, 21, null);

        assertThat(shortCount.kind()).isEqualTo(MovementKind.STOCKTAKE);
        assertThat(shortCount.onHandChange()).isEqualTo(-3);
        assertThat(recorded.after(shortCount).onHand()).isEqualTo(17);
        assertThat(overCount.onHandChange()).isEqualTo(1);
    }

    @Test
    void stocktakeBelowTheReservedCopiesIsRefused() {
        assertThatThrownBy(() -> Movement.stocktake(BOOK, new StockLevel(20, 5), 4, null))
                .isInstanceOf(InsufficientStockException.class)
                .hasMessageContaining("5 are reserved");
        assertThatThrownBy(() -> Movement.stocktake(BOOK, new StockLevel(20, 0), -1, null))
                .isInstanceOf(InvalidStockChangeException.class);
    }

    @Test
    void notesHaveALimitButSagaReasonsAreShortenedInstead() {
        String longText = "x".repeat(Movement.MAX_NOTE_LENGTH + 1);

        assertThatThrownBy(() -> Movement.receipt(BOOK, 1, longText)).isInstanceOf(InvalidStockChangeException.class);
        assertThat(Movement.release(BOOK, "order-1", 1, longText).note()).hasSize(Movement.MAX_NOTE_LENGTH);
    }

    @Test
    void openingStockCannotBeNegative() {
        assertThat(Movement.opening(BOOK, 0).onHandChange()).isZero();
        assertThatThrownBy(() -> Movement.opening(BOOK, -1)).isInstanceOf(InvalidStockChangeException.class);
    }

    @Test
    void returnedCopiesGoBackOnHandOrAreWrittenOffNamingTheirReturn() {
        Movement resalable = Movement.returnedToStock(BOOK, "order-1", "return-1", 2);
        Movement damaged = Movement.returnedDamaged(BOOK, "order-1", "return-1", 1);

        assertThat(resalable)
                .extracting(Movement::kind, Movement::onHandChange, Movement::writtenOff, Movement::returnId)
                .containsExactly(MovementKind.RETURN, 2, 0, "return-1");
        assertThat(damaged)
                .extracting(Movement::kind, Movement::onHandChange, Movement::availableChange, Movement::writtenOff)
                .containsExactly(MovementKind.DAMAGED, 0, 0, 1);
        assertThat(new CustomerReturns(4, 0).after(resalable).after(damaged)).isEqualTo(new CustomerReturns(6, 1));
        assertThat(CustomerReturns.NONE.after(Movement.restock(BOOK, "order-2", 3, "cancelled after payment")))
                .as("an order cancelled after payment is no customer's return")
                .isEqualTo(CustomerReturns.NONE);
        assertThatThrownBy(() -> Movement.returnedDamaged(BOOK, "order-1", "return-1", 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Movement(BOOK, MovementKind.DAMAGED, 1, 0, "order-1", "return-1", 1, null, null))
                .as("damaged copies never reach stock on hand")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Movement(BOOK, MovementKind.RECEIPT, 1, 0, null, null, 1, null, null))
                .as("only damaged returns write copies off")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
