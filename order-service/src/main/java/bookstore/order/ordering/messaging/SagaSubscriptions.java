package bookstore.order.ordering.messaging;

import bookstore.events.Topics;
import bookstore.events.inventory.ReservationEvent;
import bookstore.events.inventory.StockCommitted;
import bookstore.events.inventory.StockReleased;
import bookstore.events.inventory.StockReservationFailed;
import bookstore.events.inventory.StockReserved;
import bookstore.events.payment.PaymentEvent;
import bookstore.events.payment.PaymentFailed;
import bookstore.events.payment.PaymentRefunded;
import bookstore.events.payment.PaymentSucceeded;
import bookstore.order.ordering.application.AdvancingSaga;
import bookstore.order.ordering.application.OrderingProperties;
import bookstore.order.pricing.domain.Money;
import bookstore.platform.messaging.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/** The saga listens to inventory's and payment's answers; each one advances (or compensates) an order. */
@Configuration(proxyBeanMethods = false)
class SagaSubscriptions {

    @Bean
    EventSubscription<ReservationEvent> stockAnswers(AdvancingSaga saga, OrderingProperties properties) {
        return EventSubscription.on(Topics.INVENTORY_RESERVATIONS, "saga-stock", event -> switch (event) {
                    case StockReserved reserved -> saga.stockReserved(reserved.orderId());
                    case StockReservationFailed failed ->
                        saga.stockReservationFailed(failed.orderId(), failed.reason());
                    // Acknowledgements of compensation and commit: the order settled when it asked for them.
                    case StockReleased released -> Mono.empty();
                    case StockCommitted committed -> Mono.empty();
                })
                .withConcurrency(properties.sagaConsumers());
    }

    @Bean
    EventSubscription<PaymentEvent> paymentAnswers(AdvancingSaga saga, OrderingProperties properties) {
        return EventSubscription.on(Topics.PAYMENT_EVENTS, "saga-payment", event -> switch (event) {
                    case PaymentSucceeded succeeded ->
                        saga.paymentSucceeded(succeeded.orderId(), succeeded.paymentId());
                    case PaymentFailed failed -> saga.paymentFailed(failed.orderId(), failed.reason());
                    case PaymentRefunded refunded ->
                        saga.paymentRefunded(
                                refunded.orderId(),
                                new Money(
                                        refunded.amount().amount(),
                                        refunded.amount().currency()));
                })
                .withConcurrency(properties.sagaConsumers());
    }
}
