package bookstore.order.ordering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndReasonTests {

    @Test
    void rejectionsAreForStockWhateverInventorySays() {
        assertThat(EndReason.of(new Effect.Rejected("insufficient stock"))).isEqualTo(EndReason.STOCK);
        assertThat(EndReason.of(new Effect.Rejected("书已售罄"))).isEqualTo(EndReason.STOCK);
    }

    @Test
    void cancellationsAreKindedByTheReasonTheOrderGave() {
        assertThat(EndReason.of(new Effect.Cancelled(Order.PAYMENT_FAILED + "card_declined")))
                .isEqualTo(EndReason.PAYMENT_DECLINED);
        assertThat(EndReason.of(new Effect.Cancelled(Order.TIMEOUT))).isEqualTo(EndReason.TIMEOUT);
        assertThat(EndReason.of(new Effect.Cancelled(Order.CANCELLED_BY_CUSTOMER)))
                .isEqualTo(EndReason.CUSTOMER);
        assertThat(EndReason.of(new Effect.Cancelled("something new"))).isEqualTo(EndReason.OTHER);
        assertThat(EndReason.of(new Effect.Cancelled(null))).isEqualTo(EndReason.OTHER);
    }

    @Test
    void otherEffectsEndNothing() {
        assertThat(EndReason.of(new Effect.Confirmed())).isNull();
    }
}
