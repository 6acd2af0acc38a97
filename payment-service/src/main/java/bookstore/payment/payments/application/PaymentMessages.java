package bookstore.payment.payments.application;

import bookstore.events.Topics;
import bookstore.events.payment.AmountRefunded;
import bookstore.events.payment.PaymentActionRequired;
import bookstore.events.payment.PaymentEvent;
import bookstore.events.payment.PaymentFailed;
import bookstore.events.payment.PaymentRefunded;
import bookstore.events.payment.PaymentSucceeded;
import bookstore.events.payment.RefundRefused;
import bookstore.payment.payments.domain.Effect;
import bookstore.payment.payments.domain.Money;
import bookstore.platform.outbox.Outbox;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns payments' effects into the saga's payment events, appended to the outbox in the transaction
 * that saves the change: the change and what the saga hears of it commit together. Each event
 * carries the trace of the work appending it.
 */
@Component
class PaymentMessages {

    private final Outbox outbox;
    private final Clock clock;

    PaymentMessages(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Appends an event for every effect, in their order. */
    Mono<Void> publish(List<Effect> effects) {
        return Flux.fromIterable(effects)
                .concatMap(effect -> outbox.append(Topics.PAYMENT_EVENTS, toEvent(effect)))
                .then();
    }

    private PaymentEvent toEvent(Effect effect) {
        UUID eventId = UUID.randomUUID();
        var now = clock.instant();
        return switch (effect) {
            case Effect.Charged charged ->
                new PaymentSucceeded(
                        eventId, now, charged.orderId(), charged.paymentId().toString(), contract(charged.amount()));
            case Effect.ActionRequired required ->
                new PaymentActionRequired(
                        eventId,
                        now,
                        required.orderId(),
                        required.paymentId().toString(),
                        required.provider(),
                        required.action().kind().name(),
                        required.action().value(),
                        required.action().expiresAt());
            case Effect.ChargeFailed failed -> new PaymentFailed(eventId, now, failed.orderId(), failed.reason());
            case Effect.Refunded refunded ->
                new PaymentRefunded(eventId, now, refunded.orderId(), contract(refunded.amount()));
            case Effect.AmountRefunded part ->
                new AmountRefunded(
                        eventId,
                        now,
                        part.orderId(),
                        part.refundId(),
                        contract(part.amount()),
                        contract(part.totalRefunded()));
            case Effect.RefundRefused refused ->
                new RefundRefused(eventId, now, refused.orderId(), refused.refundId(), refused.reason());
        };
    }

    private static bookstore.events.Money contract(Money money) {
        return new bookstore.events.Money(money.amount(), money.currency());
    }
}
