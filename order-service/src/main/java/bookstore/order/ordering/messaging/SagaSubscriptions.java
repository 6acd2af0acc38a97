package bookstore.order.ordering.messaging;

import bookstore.events.IntegrationEvent;
import bookstore.events.Topics;
import bookstore.events.inventory.ReservationEvent;
import bookstore.events.inventory.ReturnRestocked;
import bookstore.events.inventory.StockCommitted;
import bookstore.events.inventory.StockReleased;
import bookstore.events.inventory.StockReservationFailed;
import bookstore.events.inventory.StockReserved;
import bookstore.events.payment.AmountRefunded;
import bookstore.events.payment.PaymentActionRequired;
import bookstore.events.payment.PaymentEvent;
import bookstore.events.payment.PaymentFailed;
import bookstore.events.payment.PaymentRefunded;
import bookstore.events.payment.PaymentSucceeded;
import bookstore.events.payment.RefundRefused;
import bookstore.order.ordering.application.AdvancingSaga;
import bookstore.order.ordering.application.OrderingProperties;
import bookstore.order.ordering.domain.PaymentAction;
import bookstore.order.pricing.domain.Money;
import bookstore.platform.messaging.Delivered;
import bookstore.platform.messaging.EventSubscription;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The saga listens to inventory's and payment's answers and hands each poll's answers to the saga
 * as one batch. Repeats need no record of handled events: the order's saga step tells a repeat from
 * a first answer.
 */
@Configuration(proxyBeanMethods = false)
class SagaSubscriptions {

    @Bean
    EventSubscription<ReservationEvent> stockAnswers(AdvancingSaga saga, OrderingProperties properties) {
        return EventSubscription.onBatch(
                        Topics.INVENTORY_RESERVATIONS,
                        "saga-stock",
                        batch -> saga.apply(answers(batch, event -> switch (event) {
                            case StockReserved reserved -> Optional.of(saga.stockReserved(reserved.orderId()));
                            case StockReservationFailed failed ->
                                Optional.of(saga.stockReservationFailed(failed.orderId(), failed.reason()));
                            // Acknowledgements of compensation and commit: the order settled when it asked for them.
                            case StockReleased released -> Optional.empty();
                            case StockCommitted committed -> Optional.empty();
                            case ReturnRestocked restocked ->
                                Optional.of(saga.returnRestocked(restocked.orderId(), restocked.returnId()));
                        })))
                .withConcurrency(properties.sagaConsumers());
    }

    @Bean
    EventSubscription<PaymentEvent> paymentAnswers(AdvancingSaga saga, OrderingProperties properties) {
        return EventSubscription.onBatch(
                        Topics.PAYMENT_EVENTS,
                        "saga-payment",
                        batch -> saga.apply(answers(batch, event -> switch (event) {
                            case PaymentSucceeded succeeded ->
                                Optional.of(saga.paymentSucceeded(succeeded.orderId(), succeeded.paymentId()));
                            case PaymentFailed failed ->
                                Optional.of(saga.paymentFailed(failed.orderId(), failed.reason()));
                            case PaymentRefunded refunded ->
                                Optional.of(saga.paymentRefunded(
                                        refunded.orderId(),
                                        new Money(
                                                refunded.amount().amount(),
                                                refunded.amount().currency())));
                            case AmountRefunded refunded ->
                                Optional.of(saga.amountRefunded(
                                        refunded.orderId(),
                                        refunded.refundId(),
                                        new Money(
                                                refunded.totalRefunded().amount(),
                                                refunded.totalRefunded().currency())));
                            case RefundRefused refused ->
                                Optional.of(
                                        saga.refundRefused(refused.orderId(), refused.refundId(), refused.reason()));
                            case PaymentActionRequired required ->
                                Optional.of(saga.paymentActionRequired(
                                        required.orderId(),
                                        new PaymentAction(
                                                required.provider(),
                                                required.kind(),
                                                required.value(),
                                                required.expiresAt())));
                        })))
                .withConcurrency(properties.sagaConsumers());
    }

    /** The answers of a batch that concern the saga, in order, each with its record's trace. */
    private static <E extends IntegrationEvent> List<AdvancingSaga.Received> answers(
            List<Delivered<E>> batch, Function<E, Optional<AdvancingSaga.Answer>> answer) {
        return batch.stream()
                .flatMap(
                        delivered -> answer
                                .apply(delivered.event())
                                .map(found -> new AdvancingSaga.Received(found, delivered::traced))
                                .stream())
                .toList();
    }
}
