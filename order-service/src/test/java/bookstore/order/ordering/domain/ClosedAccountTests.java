package bookstore.order.ordering.domain;

import static bookstore.order.ordering.domain.OrderReturnTests.NOW;
import static bookstore.order.ordering.domain.OrderReturnTests.POLICY;
import static bookstore.order.ordering.domain.OrderTests.PLACED;
import static bookstore.order.ordering.domain.OrderTests.TIMEOUTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A customer closed their account: orders keep what accounting needs and lose the person; an order
 * not shipped yet is cancelled, a parcel under way keeps its address until it arrives.
 */
class ClosedAccountTests {

    static final java.time.Instant CLOSED = NOW.plusSeconds(60);

    @Test
    void aReceivedOrderLosesAddressAndReturnReasonsButKeepsLinesMoneyAndHistory() {
        Order order = OrderTrackingAndReceiptTests.delivered();
        order.requestReturn("r-1", List.of(new Order.ReturnItem("book-1", 1)), "我住在人民路 1 号，封面破了", NOW, POLICY);
        order.receive(NOW);
        order = Order.restore(order.state());
        Order.State before = order.state();

        order.closeAccount(CLOSED);

        assertThat(order.customerErased()).isTrue();
        assertThat(order.shippingAddress()).isNull();
        assertThat(order.returns()).singleElement().satisfies(held -> {
            assertThat(held.reason()).isNull();
            assertThat(held.items()).isEqualTo(before.returns().getFirst().items());
            assertThat(held.status()).isEqualTo(ReturnStatus.REQUESTED);
        });
        assertThat(order.status()).isEqualTo(OrderStatus.RECEIVED);
        assertThat(order.lines()).isEqualTo(before.lines());
        assertThat(order.total().amount()).isEqualTo(2 * 2300 + 4500);
        assertThat(order.paymentId()).isEqualTo("pay-1");
        assertThat(order.history()).isEqualTo(before.history());
        assertThat(order.effects()).isEmpty();
        assertThat(Order.restore(order.state()).state()).isEqualTo(order.state());
    }

    @Test
    void closingTwiceChangesNothing() {
        Order order = OrderTrackingAndReceiptTests.delivered();
        order.closeAccount(CLOSED);
        order = Order.restore(order.state());
        Order.State closed = order.state();

        order.closeAccount(CLOSED.plusSeconds(60));

        assertThat(order.state()).isEqualTo(closed);
        assertThat(order.effects()).isEmpty();
    }

    @Test
    void aPendingOrderIsCancelledAsTheCustomerWouldAndErased() {
        Order order = Order.restore(OrderTests.placed().state());

        order.closeAccount(CLOSED);

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.failureReason()).isEqualTo("account-closed");
        assertThat(order.customerErased()).isTrue();
        assertThat(order.effects())
                .containsExactly(new Effect.ReleaseStock("account-closed"), new Effect.Cancelled("account-closed"));
        assertThat(EndReason.of(order.effects().getLast())).isEqualTo(EndReason.CUSTOMER);
    }

    @Test
    void aConfirmedOrderNotShippedIsCancelledAndRefunded() {
        Order order = Order.restore(OrderTests.placed().state());
        order.stockReserved(PLACED.plusSeconds(1), TIMEOUTS);
        order.paymentSucceeded("pay-1", PLACED.plusSeconds(5));
        order = Order.restore(order.state());

        order.closeAccount(CLOSED);

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.customerErased()).isTrue();
        assertThat(order.effects())
                .containsExactly(
                        new Effect.ReleaseStock("account-closed"),
                        new Effect.RefundPayment("account-closed"),
                        new Effect.Cancelled("account-closed"));
    }

    @Test
    void aParcelUnderWayKeepsItsAddressUntilItIsDelivered() {
        Order order = Order.restore(OrderTests.placed().state());
        order.stockReserved(PLACED.plusSeconds(1), TIMEOUTS);
        order.paymentSucceeded("pay-1", PLACED.plusSeconds(5));
        order.ship(new Shipment("shunfeng", "SF1"), PLACED.plusSeconds(60));
        order.carrierReportedInTransit(PLACED.plusSeconds(70));
        order = Order.restore(order.state());

        order.closeAccount(CLOSED);
        assertThat(order.status()).isEqualTo(OrderStatus.IN_TRANSIT);
        assertThat(order.customerErased()).isFalse();
        assertThat(order.shippingAddress().recipient()).isEqualTo("Li Lei");
        order = Order.restore(order.state());

        order.carrierReportedDelivered(CLOSED.plusSeconds(60));

        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.customerErased()).isTrue();
        assertThat(order.effects()).containsExactly(new Effect.Delivered());
    }

    @Test
    void anOrderOfAnOpenAccountIsNeverErased() {
        Order order = OrderTrackingAndReceiptTests.delivered();

        order.receive(NOW);

        assertThat(order.customerErased()).isFalse();
        assertThat(order.state().accountClosedAt()).isNull();
    }
}
