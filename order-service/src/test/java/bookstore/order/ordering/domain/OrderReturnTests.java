package bookstore.order.ordering.domain;

import static bookstore.order.ordering.domain.OrderTrackingAndReceiptTests.SHIPPED_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bookstore.order.pricing.domain.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Returns and partial refunds: what may be returned and refunded, each return's small saga, its
 * timeouts, and answers from inventory and payment that come late, twice or in any order.
 */
class OrderReturnTests {

    static final ReturnPolicy POLICY =
            new ReturnPolicy(Duration.ofDays(7), Duration.ofDays(2), Duration.ofDays(7), Duration.ofDays(14));
    static final Instant DELIVERED_AT = SHIPPED_AT.plusSeconds(30);
    static final Instant NOW = DELIVERED_AT.plus(Duration.ofDays(1));

    @Test
    void aReceivedOrderMayBeReturnedWithinTheWindowCountedFromReceipt() {
        Order order = received(DELIVERED_AT.plus(Duration.ofDays(2)));

        assertThat(order.returnableUntil(POLICY)).isEqualTo(DELIVERED_AT.plus(Duration.ofDays(9)));
        assertThatThrownBy(() -> order.requestReturn(
                        "r-1",
                        List.of(new Order.ReturnItem("book-1", 1)),
                        "late",
                        DELIVERED_AT.plus(Duration.ofDays(9)),
                        POLICY))
                .isInstanceOf(ReturnConflictException.class)
                .hasMessageContaining("return window");
        assertThat(order.returns()).isEmpty();
    }

    @Test
    void anOrderThatHasNotArrivedCannotBeReturned() {
        Order order = Order.restore(OrderTests.placed().state());

        assertThat(order.returnableUntil(POLICY)).isNull();
        assertThatThrownBy(
                        () -> order.requestReturn("r-1", List.of(new Order.ReturnItem("book-1", 1)), "no", NOW, POLICY))
                .isInstanceOf(ReturnConflictException.class);
    }

    @Test
    void noMoreCopiesAreReturnedThanTheOrderHoldsLessOtherReturns() {
        Order order = delivered();
        order.requestReturn("r-1", List.of(new Order.ReturnItem("book-1", 1)), "torn cover", NOW, POLICY);

        assertThatThrownBy(
                        () -> order.requestReturn("r-2", List.of(new Order.ReturnItem("book-1", 2)), "x", NOW, POLICY))
                .isInstanceOf(InvalidOrderException.class)
                .hasMessageContaining("Between 1 and 1 copies");
        assertThatThrownBy(
                        () -> order.requestReturn("r-2", List.of(new Order.ReturnItem("book-9", 1)), "x", NOW, POLICY))
                .isInstanceOf(InvalidOrderException.class)
                .hasMessageContaining("not in this order");
        assertThatThrownBy(() -> order.requestReturn(
                        "r-2",
                        List.of(new Order.ReturnItem("book-2", 1), new Order.ReturnItem("book-2", 1)),
                        "x",
                        NOW,
                        POLICY))
                .isInstanceOf(InvalidOrderException.class);
        assertThatThrownBy(
                        () -> order.requestReturn("r-2", List.of(new Order.ReturnItem("book-2", 1)), " ", NOW, POLICY))
                .isInstanceOf(InvalidOrderException.class);
        assertThatThrownBy(() -> order.requestReturn(
                        "r-2", List.of(new Order.ReturnItem("book-2", 1)), "书".repeat(501), NOW, POLICY))
                .isInstanceOf(InvalidOrderException.class);
        assertThat(order.returns()).hasSize(1);

        // A rejected return gives its copies back to what may be returned.
        order.rejectReturn("r-1", "no damage visible in the photos", NOW);
        order.requestReturn("r-2", List.of(new Order.ReturnItem("book-1", 2)), "changed my mind", NOW, POLICY);
        assertThat(order.returnOf("r-2").items().getFirst().quantity()).isEqualTo(2);
    }

    @Test
    void aReturnRunsFromRequestToCompletionAndRefundsItsLines() {
        Order order = delivered();
        order.requestReturn("r-1", List.of(new Order.ReturnItem("book-1", 1)), "<b>torn</b> cover", NOW, POLICY);
        order.approveReturn("r-1", NOW.plusSeconds(60), POLICY);
        order.sendBack("r-1", "shunfeng", "SF999", NOW.plusSeconds(120), POLICY);
        order.receiveReturn("r-1", List.of(new Order.ReturnedCopies("book-1", 0, 1)), NOW.plusSeconds(180));

        OrderReturn received = order.returnOf("r-1");
        assertThat(received.status()).isEqualTo(ReturnStatus.RECEIVED);
        assertThat(received.reason()).isEqualTo("<b>torn</b> cover");
        assertThat(received.items().getFirst().damaged()).isEqualTo(1);
        assertThat(order.refundOf("r-1").amount()).isEqualTo(new Money(2300, "CNY"));
        assertThat(order.hasOpenAfterSale()).isTrue();
        assertThat(order.effects())
                .containsExactly(
                        new Effect.ReturnRequested("r-1"),
                        new Effect.ReturnApproved("r-1", false),
                        new Effect.ReturnSentBack("r-1"),
                        new Effect.ReturnReceived("r-1", true),
                        new Effect.RestockReturn("r-1"),
                        new Effect.RefundAmount("r-1"));

        Order restored = Order.restore(order.state());
        restored.amountRefunded("r-1", new Money(2300, "CNY"), NOW.plusSeconds(200));
        assertThat(restored.returnOf("r-1").status()).isEqualTo(ReturnStatus.RECEIVED);
        restored.returnRestocked("r-1", NOW.plusSeconds(210));
        restored.returnRestocked("r-1", NOW.plusSeconds(220));
        restored.amountRefunded("r-1", new Money(2300, "CNY"), NOW.plusSeconds(230));

        assertThat(restored.returnOf("r-1").status()).isEqualTo(ReturnStatus.COMPLETED);
        assertThat(restored.refunded()).isEqualTo(new Money(2300, "CNY"));
        assertThat(restored.hasOpenAfterSale()).isFalse();
        assertThat(restored.afterSaleDeadline()).isNull();
        assertThat(restored.effects()).containsExactly(new Effect.Refunded("r-1"), new Effect.ReturnCompleted("r-1"));
        assertThat(Order.restore(restored.state()).state()).isEqualTo(restored.state());
    }

    @Test
    void inspectionAccountsForEveryReturnedCopyExactlyOnce() {
        Order order = approved();

        assertThatThrownBy(() -> order.receiveReturn(
                        "r-1", List.of(new Order.ReturnedCopies("book-1", 1, 1)), NOW.plusSeconds(60)))
                .isInstanceOf(InvalidOrderException.class);
        assertThatThrownBy(() -> order.receiveReturn(
                        "r-1", List.of(new Order.ReturnedCopies("book-2", 1, 0)), NOW.plusSeconds(60)))
                .isInstanceOf(InvalidOrderException.class);
        assertThatThrownBy(() -> order.receiveReturn("r-1", List.of(), NOW.plusSeconds(60)))
                .isInstanceOf(InvalidOrderException.class);
        assertThat(order.returnOf("r-1").status()).isEqualTo(ReturnStatus.APPROVED);
        assertThat(order.effects()).isEmpty();
    }

    @Test
    void stepsOutOfTurnAreConflictsAndUnknownReturnsAreNotFound() {
        Order order = approved();

        assertThatThrownBy(() -> order.approveReturn("r-1", NOW, POLICY)).isInstanceOf(ReturnConflictException.class);
        assertThatThrownBy(() -> order.rejectReturn("r-1", "too late", NOW))
                .isInstanceOf(ReturnConflictException.class);
        assertThatThrownBy(() -> order.approveReturn("r-9", NOW, POLICY)).isInstanceOf(ReturnNotFoundException.class);
        order.sendBack("r-1", null, null, NOW, POLICY);
        assertThatThrownBy(() -> order.withdrawReturn("r-1", NOW)).isInstanceOf(ReturnConflictException.class);
    }

    @Test
    void returnsNobodyActsOnMoveOnWhenTheirTimeRunsOut() {
        Order decided = delivered();
        decided.requestReturn("r-1", List.of(new Order.ReturnItem("book-1", 1)), "why", NOW, POLICY);
        Instant decisionDue = NOW.plus(POLICY.decision());
        assertThat(decided.afterSaleDeadline()).isEqualTo(decisionDue);

        decided.timeOutReturns(decisionDue.minusSeconds(1), POLICY);
        assertThat(decided.returnOf("r-1").status()).isEqualTo(ReturnStatus.REQUESTED);
        decided.timeOutReturns(decisionDue, POLICY);
        assertThat(decided.returnOf("r-1").status()).isEqualTo(ReturnStatus.APPROVED);
        assertThat(decided.effects()).contains(new Effect.ReturnApproved("r-1", true));

        Instant sendDue = decisionDue.plus(POLICY.sendBack());
        decided.timeOutReturns(sendDue, POLICY);
        assertThat(decided.returnOf("r-1").status()).isEqualTo(ReturnStatus.CANCELLED);
        assertThat(decided.returnOf("r-1").outcomeReason()).isEqualTo(Order.NOT_SENT_BACK);
        assertThat(decided.afterSaleDeadline()).isNull();

        Order sent = approved();
        sent.sendBack("r-1", null, "YT123", NOW, POLICY);
        sent = Order.restore(sent.state());
        sent.timeOutReturns(NOW.plus(POLICY.receipt()), POLICY);
        assertThat(sent.returnOf("r-1").status()).isEqualTo(ReturnStatus.RECEIVED);
        assertThat(sent.effects())
                .containsExactly(new Effect.ReturnReceived("r-1", false), new Effect.RefundAmount("r-1"));
        sent.amountRefunded("r-1", new Money(2300, "CNY"), NOW.plus(POLICY.receipt()));
        assertThat(sent.returnOf("r-1").status()).isEqualTo(ReturnStatus.COMPLETED);
    }

    @Test
    void anAdminRefundsPartOfAPaidOrderUpToWhatIsLeft() {
        Order order = delivered();

        order.refund("f-1", new Money(5000, "CNY"), "dented corner, customer keeps it", NOW);
        assertThatThrownBy(() -> order.refund("f-2", new Money(4101, "CNY"), "more", NOW))
                .isInstanceOf(InvalidOrderException.class)
                .hasMessageContaining("Between 1 and 4100");
        assertThatThrownBy(() -> order.refund("f-2", new Money(100, "USD"), "more", NOW))
                .isInstanceOf(InvalidOrderException.class);
        order.refundRefused("f-1", "exceeds_captured", NOW.plusSeconds(5));
        order.refund("f-2", new Money(9100, "CNY"), "everything after all", NOW.plusSeconds(10));

        assertThat(order.refunds())
                .extracting(Refund::status)
                .containsExactly(RefundStatus.REFUSED, RefundStatus.PENDING);
        assertThat(order.effects()).containsExactly(new Effect.RefundAmount("f-1"), new Effect.RefundAmount("f-2"));

        Order unpaid = Order.restore(OrderTests.placed().state());
        assertThatThrownBy(() -> unpaid.refund("f-1", new Money(100, "CNY"), "why", NOW))
                .isInstanceOf(IllegalOrderTransitionException.class);
    }

    @Test
    void aReturnRefundsNoMoreThanIsLeftAfterEarlierRefunds() {
        Order order = approved();
        order.refund("f-1", new Money(8000, "CNY"), "goodwill", NOW);

        order.receiveReturn("r-1", List.of(new Order.ReturnedCopies("book-1", 1, 0)), NOW.plusSeconds(60));

        assertThat(order.refundOf("r-1").amount()).isEqualTo(new Money(1100, "CNY"));
    }

    @Test
    void aRefusedRefundStillEndsTheReturn() {
        Order order = approved();
        order.receiveReturn("r-1", List.of(new Order.ReturnedCopies("book-1", 1, 0)), NOW.plusSeconds(60));
        order.returnRestocked("r-1", NOW.plusSeconds(70));

        order.refundRefused("r-1", "charge_disputed", NOW.plusSeconds(80));
        order.refundRefused("r-1", "charge_disputed", NOW.plusSeconds(90));

        assertThat(order.returnOf("r-1").status()).isEqualTo(ReturnStatus.COMPLETED);
        assertThat(order.refundOf("r-1").refusal()).isEqualTo("charge_disputed");
        assertThat(order.effects()).containsOnlyOnce(new Effect.ReturnCompleted("r-1"));
        assertThat(order.effects()).doesNotContain(new Effect.Refunded("r-1"));
    }

    @Test
    void answersAboutUnknownRefundsAndReturnsChangeNothing() {
        Order order = delivered();
        Order.State before = order.state();

        order.refundRefused("f-9", "x", NOW);
        order.returnRestocked("r-9", NOW);

        assertThat(order.state()).isEqualTo(before);
        assertThat(order.effects()).isEmpty();
    }

    private static Order delivered() {
        return OrderTrackingAndReceiptTests.delivered();
    }

    private static Order received(Instant at) {
        Order order = delivered();
        order.receive(at);
        return Order.restore(order.state());
    }

    /** A delivered order with one approved return of one copy of book-1. */
    private static Order approved() {
        Order order = delivered();
        order.requestReturn("r-1", List.of(new Order.ReturnItem("book-1", 1)), "why", NOW, POLICY);
        order.approveReturn("r-1", NOW, POLICY);
        return Order.restore(order.state());
    }
}
