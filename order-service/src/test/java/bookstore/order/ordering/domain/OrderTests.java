package bookstore.order.ordering.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bookstore.order.pricing.domain.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderTests {

    static final SagaTimeouts TIMEOUTS = new SagaTimeouts(Duration.ofMinutes(2), Duration.ofMinutes(15));
    static final Instant PLACED = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void aPlacedOrderIsPendingTotalsItsLinesAndAsksForStock() {
        Order order = placed();

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.total()).isEqualTo(new Money(2 * 2300 + 4500, "CNY"));
        assertThat(order.deadline()).isEqualTo(PLACED.plus(TIMEOUTS.stock()));
        assertThat(order.history()).containsExactly(new StatusChange(OrderStatus.PENDING, PLACED, null));
        assertThat(order.effects()).containsExactly(new Effect.Placed(), new Effect.ReserveStock());
    }

    @Test
    void reservedStockAsksForPaymentOnceAndWaitsForIt() {
        Order order = restored(placed());
        Instant reservedAt = PLACED.plusSeconds(1);

        order.stockReserved(reservedAt, TIMEOUTS);
        order.stockReserved(reservedAt.plusSeconds(1), TIMEOUTS);

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.step()).isEqualTo(SagaStep.AWAITING_PAYMENT);
        assertThat(order.deadline()).isEqualTo(reservedAt.plus(TIMEOUTS.payment()));
        assertThat(order.effects()).containsExactly(new Effect.ChargePayment());
    }

    @Test
    void paymentConfirmsTheOrderCommitsItsStockOnceAndEndsTheWait() {
        Order order = awaitingPayment();
        Instant paidAt = PLACED.plusSeconds(5);

        order.paymentSucceeded("pay-1", paidAt);
        order.paymentSucceeded("pay-1", paidAt.plusSeconds(1));

        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.paymentId()).isEqualTo("pay-1");
        assertThat(order.deadline()).isNull();
        assertThat(order.isOverdue(paidAt.plus(Duration.ofDays(1)))).isFalse();
        assertThat(order.effects()).containsExactly(new Effect.CommitStock(), new Effect.Confirmed());
        assertThat(order.history())
                .extracting(StatusChange::status)
                .containsExactly(OrderStatus.PENDING, OrderStatus.CONFIRMED);
    }

    @Test
    void shortStockRejectsTheOrderWithoutCompensation() {
        Order order = restored(placed());

        order.stockReservationFailed("insufficient stock", PLACED.plusSeconds(1));

        assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.failureReason()).isEqualTo("insufficient stock");
        assertThat(order.effects()).containsExactly(new Effect.Rejected("insufficient stock"));
    }

    @Test
    void declinedPaymentReleasesTheStockAndCancels() {
        Order order = awaitingPayment();

        order.paymentFailed("card_declined", PLACED.plusSeconds(5));

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.failureReason()).isEqualTo("payment failed: card_declined");
        assertThat(order.effects())
                .containsExactly(
                        new Effect.ReleaseStock("payment failed: card_declined"),
                        new Effect.Cancelled("payment failed: card_declined"));
    }

    @Test
    void anOrderWaitingForStockTimesOutByReleasingWhateverMayBeReservedLater() {
        Order order = restored(placed());
        Instant deadline = PLACED.plus(TIMEOUTS.stock());

        order.timeOut(deadline.minusMillis(1));
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);

        order.timeOut(deadline);
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.failureReason()).isEqualTo("timeout");
        assertThat(order.effects())
                .containsExactly(new Effect.ReleaseStock("timeout"), new Effect.Cancelled("timeout"));
    }

    @Test
    void anOrderWaitingForPaymentTimesOutByReleasingStockAndRefunding() {
        Order order = awaitingPayment();

        order.timeOut(order.deadline());

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.effects())
                .containsExactly(
                        new Effect.ReleaseStock("timeout"),
                        new Effect.RefundPayment("timeout"),
                        new Effect.Cancelled("timeout"));
    }

    @Test
    void latePaymentForAnOrderCancelledAfterAskingIsLeftToTheRefundItAlreadySent() {
        Order order = awaitingPayment();
        order.timeOut(order.deadline());
        assertThat(order.effects()).contains(new Effect.RefundPayment("timeout"));
        order = restored(order);

        order.paymentSucceeded("pay-late", PLACED.plus(Duration.ofHours(1)));

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.paymentId()).isEqualTo("pay-late");
        assertThat(order.effects()).isEmpty();
    }

    @Test
    void paymentForAnOrderThatNeverAskedIsRefundedOnceHoweverOftenItIsReported() {
        Order order = restored(placed());
        order.stockReservationFailed("out of stock", PLACED.plusSeconds(1));
        order = restored(order);

        order.paymentSucceeded("pay-stray", PLACED.plus(Duration.ofHours(1)));

        assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.effects()).singleElement().isInstanceOf(Effect.RefundPayment.class);
        order = restored(order);
        order.paymentSucceeded("pay-stray", PLACED.plus(Duration.ofHours(2)));
        assertThat(order.effects()).isEmpty();
    }

    @Test
    void lateReservationForACancelledOrderChangesNothingBecauseTheCancellationReleasedIt() {
        Order order = restored(placed());
        order.timeOut(order.deadline());
        assertThat(order.effects()).contains(new Effect.ReleaseStock("timeout"));
        order = restored(order);

        order.stockReserved(PLACED.plus(Duration.ofHours(1)), TIMEOUTS);

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.effects()).isEmpty();
    }

    @Test
    void answersThatComeAfterTheOrderSettledChangeNothingElse() {
        Order order = confirmed();

        order.stockReserved(PLACED.plusSeconds(30), TIMEOUTS);
        order.stockReservationFailed("insufficient stock", PLACED.plusSeconds(30));
        order.paymentFailed("card_declined", PLACED.plusSeconds(30));

        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.effects()).isEmpty();
    }

    @Test
    void cancellingAConfirmedOrderGivesBackStockAndMoney() {
        Order order = confirmed();

        order.cancel(PLACED.plusSeconds(60));

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.failureReason()).isEqualTo("cancelled by customer");
        assertThat(order.effects())
                .containsExactly(
                        new Effect.ReleaseStock("cancelled by customer"),
                        new Effect.RefundPayment("cancelled by customer"),
                        new Effect.Cancelled("cancelled by customer"));
    }

    @Test
    void cancellingBeforeAnyChargeOnlyReleasesStockAndCancellingTwiceChangesNothing() {
        Order order = restored(placed());

        order.cancel(PLACED.plusSeconds(1));
        order.cancel(PLACED.plusSeconds(2));

        assertThat(order.effects())
                .containsExactly(
                        new Effect.ReleaseStock("cancelled by customer"),
                        new Effect.Cancelled("cancelled by customer"));
        assertThat(order.history()).hasSize(2);
    }

    @Test
    void aConfirmedOrderIsShippedThenDelivered() {
        Order order = confirmed();

        order.ship(new Shipment("SF Express", "SF123"), PLACED.plusSeconds(60));
        order.deliver(PLACED.plusSeconds(120));

        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.shipment()).isEqualTo(new Shipment("SF Express", "SF123"));
        assertThat(order.effects()).containsExactly(new Effect.Shipped(), new Effect.Delivered());
        assertThat(order.history())
                .extracting(StatusChange::status)
                .containsExactly(
                        OrderStatus.PENDING, OrderStatus.CONFIRMED, OrderStatus.SHIPPED, OrderStatus.DELIVERED);
    }

    @Test
    void refusesToShipAnUnconfirmedOrderDeliverAnUnshippedOneOrCancelAShippedOne() {
        Order pending = restored(placed());
        assertThatThrownBy(() -> pending.ship(new Shipment("SF Express", "SF1"), PLACED))
                .isInstanceOf(IllegalOrderTransitionException.class);
        Order confirmed = confirmed();
        assertThatThrownBy(() -> confirmed.deliver(PLACED)).isInstanceOf(IllegalOrderTransitionException.class);

        confirmed.ship(new Shipment("SF Express", "SF1"), PLACED.plusSeconds(60));

        assertThatThrownBy(() -> confirmed.cancel(PLACED.plusSeconds(61)))
                .isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessageContaining("shipped");
        assertThat(confirmed.status()).isEqualTo(OrderStatus.SHIPPED);
    }

    @Test
    void aRejectedOrderCannotBeCancelled() {
        Order order = restored(placed());
        order.stockReservationFailed("insufficient stock", PLACED);

        assertThatThrownBy(() -> order.cancel(PLACED.plusSeconds(1)))
                .isInstanceOf(IllegalOrderTransitionException.class);
    }

    @Test
    void repeatedRefundReportsAreNotAddedUp() {
        Order order = confirmed();
        order.cancel(PLACED.plusSeconds(60));

        order.paymentRefunded(new Money(9100, "CNY"));
        order.paymentRefunded(new Money(0, "CNY"));
        order.paymentRefunded(new Money(9100, "CNY"));

        assertThat(order.refunded()).isEqualTo(new Money(9100, "CNY"));
    }

    @Test
    void refusesOrdersWithoutLinesWithABookTwiceOrInMixedCurrencies() {
        assertThatThrownBy(() -> place(List.of())).isInstanceOf(InvalidOrderException.class);
        assertThatThrownBy(() -> place(List.of(line("b1", 1, 100), line("b1", 2, 100))))
                .isInstanceOf(InvalidOrderException.class);
        assertThatThrownBy(
                        () -> place(List.of(line("b1", 1, 100), new OrderLine("b2", "B2", 1, new Money(100, "USD")))))
                .isInstanceOf(InvalidOrderException.class);
        assertThatThrownBy(() -> line("b1", Order.MAX_QUANTITY + 1, 100)).isInstanceOf(InvalidOrderException.class);
    }

    @Test
    void stateRoundTripsThroughRestore() {
        Order order = confirmed();

        assertThat(Order.restore(order.state()).state()).isEqualTo(order.state());
    }

    static Order placed() {
        return place(List.of(line("book-1", 2, 2300), line("book-2", 1, 4500)));
    }

    private static Order place(List<OrderLine> lines) {
        return Order.place(
                OrderId.random(),
                "user-1",
                "pseudonym-1",
                lines,
                new ShippingAddress("Li Lei", null, "1 Renmin Rd", null, "Beijing", null, "100000", "CN"),
                "pm_card_visa",
                PLACED,
                TIMEOUTS);
    }

    private static OrderLine line(String bookId, int quantity, long unitPrice) {
        return new OrderLine(bookId, "Title of " + bookId, quantity, new Money(unitPrice, "CNY"));
    }

    /** The order as the next transaction loads it: same state, no effects recorded yet. */
    private static Order restored(Order order) {
        return Order.restore(order.state());
    }

    private static Order awaitingPayment() {
        Order order = restored(placed());
        order.stockReserved(PLACED.plusSeconds(1), TIMEOUTS);
        return restored(order);
    }

    private static Order confirmed() {
        Order order = awaitingPayment();
        order.paymentSucceeded("pay-1", PLACED.plusSeconds(5));
        return restored(order);
    }
}
