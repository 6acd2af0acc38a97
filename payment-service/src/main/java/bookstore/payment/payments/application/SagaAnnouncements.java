package bookstore.payment.payments.application;

import bookstore.events.Topics;
import bookstore.events.payment.PaymentEvent;
import bookstore.events.payment.PaymentFailed;
import bookstore.events.payment.PaymentRefunded;
import bookstore.events.payment.PaymentSucceeded;
import bookstore.payment.payments.domain.Announcement;
import bookstore.payment.payments.domain.Money;
import bookstore.platform.outbox.Outbox;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Tells the order saga about payments, through the outbox of the transaction that changed them. */
@Component
class SagaAnnouncements {

    private final Outbox outbox;
    private final Clock clock;

    SagaAnnouncements(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    Mono<Void> announce(List<Announcement> announcements) {
        return Flux.fromIterable(announcements)
                .concatMap(announcement -> outbox.append(Topics.PAYMENT_EVENTS, toEvent(announcement)))
                .then();
    }

    private PaymentEvent toEvent(Announcement announcement) {
        UUID eventId = UUID.randomUUID();
        var now = clock.instant();
        return switch (announcement) {
            case Announcement.Charged charged ->
                new PaymentSucceeded(
                        eventId, now, charged.orderId(), charged.paymentId().toString(), contract(charged.amount()));
            case Announcement.ChargeFailed failed -> new PaymentFailed(eventId, now, failed.orderId(), failed.reason());
            case Announcement.Refunded refunded ->
                new PaymentRefunded(eventId, now, refunded.orderId(), contract(refunded.amount()));
        };
    }

    private static bookstore.events.Money contract(Money money) {
        return new bookstore.events.Money(money.amount(), money.currency());
    }
}
