package bookstore.order.ordering.domain;

import static bookstore.order.ordering.domain.OrderTests.PLACED;
import static bookstore.order.ordering.domain.OrderTests.TIMEOUTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** After shipping: the carrier's reports move an order forward only, and the customer receives it. */
class OrderTrackingAndReceiptTests {

    static final Duration WINDOW = Duration.ofDays(7);
    static final Instant SHIPPED_AT = PLACED.plusSeconds(60);

    @Test
    void theFirstReportOnItsWayTakesAShippedOrderInTransitOnce() {
        Order order = shipped();

        order.carrierReportedInTransit(SHIPPED_AT.plusSeconds(10));
        order.carrierReportedInTransit(SHIPPED_AT.plusSeconds(20));

        assertThat(order.status()).isEqualTo(OrderStatus.IN_TRANSIT);
        assertThat(order.effects()).containsExactly(new Effect.InTransit());
        assertThat(order.history())
                .extracting(StatusChange::status)
                .containsExactly(
                        OrderStatus.PENDING, OrderStatus.CONFIRMED, OrderStatus.SHIPPED, OrderStatus.IN_TRANSIT);
    }

    @Test
    void deliveryReportedByTheCarrierEndsTheJourneyFromShippedOrInTransit() {
        Order inTransit = shipped();
        inTransit.carrierReportedInTransit(SHIPPED_AT.plusSeconds(10));
        inTransit = Order.restore(inTransit.state());
        Order stillShipped = shipped();

        inTransit.carrierReportedDelivered(SHIPPED_AT.plusSeconds(30));
        stillShipped.carrierReportedDelivered(SHIPPED_AT.plusSeconds(30));

        assertThat(inTransit.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(inTransit.effects()).containsExactly(new Effect.Delivered());
        assertThat(stillShipped.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(stillShipped.deliveredAt()).isEqualTo(SHIPPED_AT.plusSeconds(30));
    }

    @Test
    void lateRepeatedOrOutOfOrderReportsNeverMoveAnOrderBack() {
        Order order = delivered();

        order.carrierReportedInTransit(SHIPPED_AT.plusSeconds(40));
        order.carrierReportedDelivered(SHIPPED_AT.plusSeconds(50));

        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.effects()).isEmpty();
        assertThat(order.deliveredAt()).isEqualTo(SHIPPED_AT.plusSeconds(30));
    }

    @Test
    void reportsAboutAnOrderThatWasNeverShippedChangeNothing() {
        Order order = confirmed();

        order.carrierReportedInTransit(SHIPPED_AT);
        order.carrierReportedDelivered(SHIPPED_AT);

        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.effects()).isEmpty();
    }

    @Test
    void anAdminStillMarksAShippedOrInTransitOrderDelivered() {
        Order order = shipped();
        order.carrierReportedInTransit(SHIPPED_AT.plusSeconds(10));

        order.deliver(SHIPPED_AT.plusSeconds(20));

        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThatThrownBy(() -> order.deliver(SHIPPED_AT.plusSeconds(30)))
                .isInstanceOf(IllegalOrderTransitionException.class);
    }

    @Test
    void theCustomerReceivesADeliveredOrderOnlyOnce() {
        Order order = delivered();

        order.receive(SHIPPED_AT.plusSeconds(60));

        assertThat(order.status()).isEqualTo(OrderStatus.RECEIVED);
        assertThat(order.effects()).containsExactly(new Effect.Received(false));
        assertThatThrownBy(() -> order.receive(SHIPPED_AT.plusSeconds(70)))
                .isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessageContaining("received");
    }

    @Test
    void onlyADeliveredOrderCanBeReceived() {
        Order shipped = shipped();
        Order inTransit = shipped();
        inTransit.carrierReportedInTransit(SHIPPED_AT.plusSeconds(10));

        assertThatThrownBy(() -> shipped.receive(SHIPPED_AT)).isInstanceOf(IllegalOrderTransitionException.class);
        assertThatThrownBy(() -> inTransit.receive(SHIPPED_AT)).isInstanceOf(IllegalOrderTransitionException.class);
        assertThatThrownBy(() -> confirmed().receive(SHIPPED_AT)).isInstanceOf(IllegalOrderTransitionException.class);
    }

    @Test
    void anOrderLeftDeliveredPastTheWindowIsReceivedAutomaticallyAndNotBefore() {
        Order order = delivered();
        Instant deliveredAt = order.deliveredAt();

        order.receiveAutomatically(deliveredAt.plus(WINDOW).minusSeconds(1), WINDOW);
        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.isReceiptDue(deliveredAt.plus(WINDOW), WINDOW)).isTrue();

        order.receiveAutomatically(deliveredAt.plus(WINDOW), WINDOW);
        order.receiveAutomatically(deliveredAt.plus(WINDOW).plusSeconds(1), WINDOW);

        assertThat(order.status()).isEqualTo(OrderStatus.RECEIVED);
        assertThat(order.effects()).containsExactly(new Effect.Received(true));
    }

    @Test
    void aShippedOrderCanNoLongerBeCancelled() {
        Order order = shipped();
        order.carrierReportedInTransit(SHIPPED_AT.plusSeconds(10));

        assertThatThrownBy(() -> order.cancel(SHIPPED_AT.plusSeconds(20)))
                .isInstanceOf(IllegalOrderTransitionException.class);
    }

    private static Order confirmed() {
        Order order = Order.restore(OrderTests.placed().state());
        order.stockReserved(PLACED.plusSeconds(1), TIMEOUTS);
        order.paymentSucceeded("pay-1", PLACED.plusSeconds(5));
        return Order.restore(order.state());
    }

    private static Order shipped() {
        Order order = confirmed();
        order.ship(new Shipment("shunfeng", "SF1234567890"), SHIPPED_AT);
        return Order.restore(order.state());
    }

    static Order delivered() {
        Order order = shipped();
        order.carrierReportedDelivered(SHIPPED_AT.plusSeconds(30));
        return Order.restore(order.state());
    }
}
