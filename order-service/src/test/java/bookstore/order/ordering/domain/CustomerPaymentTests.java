package bookstore.order.ordering.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Orders whose payment the customer completes with the provider: a QR code to scan, a page to go through. */
class CustomerPaymentTests {

    private static final SagaTimeouts TIMEOUTS = OrderTests.TIMEOUTS;
    private static final Instant PLACED = OrderTests.PLACED;
    private static final Instant RESERVED = PLACED.plusSeconds(1);
    private static final PaymentAction QR = new PaymentAction(
            "alipay", "QR_CODE", "https://qr.alipay.com/bax01", RESERVED.plus(Duration.ofMinutes(15)));

    @Test
    void anActionToTakeMakesTheOrderAwaitPaymentWithItsStockHeldUntilTheSameDeadline() {
        Order order = waitingForCharge();

        order.paymentActionRequired(QR, RESERVED.plusSeconds(2));

        assertThat(order.status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
        assertThat(order.step()).isEqualTo(SagaStep.AWAITING_PAYMENT);
        assertThat(order.paymentAction()).contains(QR);
        assertThat(order.deadline()).isEqualTo(RESERVED.plus(TIMEOUTS.payment()));
        assertThat(order.effects()).isEmpty();
        assertThat(order.history())
                .extracting(StatusChange::status)
                .containsExactly(OrderStatus.PENDING, OrderStatus.AWAITING_PAYMENT);
        assertThat(restored(order).paymentAction()).contains(QR);
    }

    @Test
    void aFreshActionReplacesTheOneBeforeWithoutAnotherStatusChange() {
        Order order = awaiting();
        var fresh = new PaymentAction("alipay", "QR_CODE", "https://qr.alipay.com/bax02", QR.expiresAt());

        order.paymentActionRequired(fresh, RESERVED.plusSeconds(30));

        assertThat(order.paymentAction()).contains(fresh);
        assertThat(order.history()).hasSize(2);
    }

    @Test
    void theCustomerMayAskForAFreshCodeOnlyWhileTheOrderAwaitsPayment() {
        Order order = awaiting();

        order.renewPaymentAction();

        assertThat(order.effects()).containsExactly(new Effect.RenewPaymentAction());

        Order pending = waitingForCharge();
        assertThatThrownBy(pending::renewPaymentAction)
                .isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessageContaining("pending");
        Order paid = awaiting();
        paid.paymentSucceeded("pay-1", RESERVED.plusSeconds(40));
        Order confirmed = restored(paid);
        assertThatThrownBy(confirmed::renewPaymentAction).isInstanceOf(IllegalOrderTransitionException.class);
        assertThat(confirmed.effects()).isEmpty();
    }

    @Test
    void paidWhileAwaitingPaymentTheOrderIsConfirmedAndShowsNoActionAnyMore() {
        Order order = awaiting();

        order.paymentSucceeded("pay-1", RESERVED.plusSeconds(60));

        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.paymentAction()).isEmpty();
        assertThat(order.effects()).containsExactly(new Effect.CommitStock(), new Effect.Confirmed());
        order = restored(order);
        order.paymentActionRequired(QR, RESERVED.plusSeconds(61));
        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.paymentAction()).isEmpty();
    }

    @Test
    void unpaidByTheDeadlineTheOrderIsCancelledItsStockReleasedAndThePaymentClosed() {
        Order order = awaiting();
        assertThat(order.isOverdue(order.deadline().minusMillis(1))).isFalse();

        order.timeOut(order.deadline());

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.paymentAction()).isEmpty();
        assertThat(order.effects())
                .containsExactly(
                        new Effect.ReleaseStock("timeout"),
                        new Effect.RefundPayment("timeout"),
                        new Effect.Cancelled("timeout"));
    }

    @Test
    void aPaymentReportedAfterTheTimeoutIsLeftToTheRefundTheTimeoutSent() {
        Order order = awaiting();
        order.timeOut(order.deadline());
        order = restored(order);

        order.paymentSucceeded("pay-late", order.placedAt().plus(Duration.ofHours(1)));

        // Payment gives it back under the timeout's RefundPayment; a second one would be answered again on replay.
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.effects()).isEmpty();
    }

    @Test
    void theCustomerMayCancelWhileAwaitingPaymentAndDeclinedPaymentCancelsToo() {
        Order cancelled = awaiting();
        cancelled.cancel(RESERVED.plusSeconds(5));
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.effects()).contains(new Effect.RefundPayment(Order.CANCELLED_BY_CUSTOMER));

        Order declined = awaiting();
        declined.paymentFailed("authentication_required", RESERVED.plusSeconds(5));
        assertThat(declined.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(declined.effects()).hasSize(2).first().isInstanceOf(Effect.ReleaseStock.class);
    }

    private static Order waitingForCharge() {
        Order order = Order.place(
                OrderId.random(),
                "user-1",
                "pseudonym-1",
                List.of(new OrderLine("book-1", "Title", 1, new bookstore.order.pricing.domain.Money(2300, "CNY"))),
                new ShippingAddress("Li Lei", null, "1 Renmin Rd", null, "Beijing", null, "100000", "CN"),
                "alipay_qr",
                PLACED,
                TIMEOUTS);
        order = restored(order);
        order.stockReserved(RESERVED, TIMEOUTS);
        return restored(order);
    }

    private static Order awaiting() {
        Order order = waitingForCharge();
        order.paymentActionRequired(QR, RESERVED.plusSeconds(2));
        return restored(order);
    }

    private static Order restored(Order order) {
        return Order.restore(order.state());
    }
}
