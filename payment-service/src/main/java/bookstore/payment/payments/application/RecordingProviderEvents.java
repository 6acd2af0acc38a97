package bookstore.payment.payments.application;

import bookstore.payment.payments.application.ProviderAnswers.Reply;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Takes the provider's webhook events: each event id once, each in the same transaction as the
 * payment change it causes. Events come late, twice or out of order; the payment decides what still
 * applies.
 */
@Service
public class RecordingProviderEvents {

    /** What became of an event. */
    public enum Outcome {
        /** The payment took it (possibly as a stale answer that changed nothing). */
        RECORDED,
        /** The event was taken before. */
        DUPLICATE,
        /**
         * The event tells the outcome of a charge whose outcome this replica recorded from the
         * provider's answer to its call: acknowledged without a database round trip.
         */
        ALREADY_SETTLED,
        /** Not about one of our payments, or of a kind payments do not act on. */
        IGNORED
    }

    private final Payments payments;
    private final ProviderEvents events;
    private final ProviderAnswers answers;
    private final SettledCharges settled;
    private final TransactionalOperator transactions;

    RecordingProviderEvents(
            Payments payments,
            ProviderEvents events,
            ProviderAnswers answers,
            SettledCharges settled,
            TransactionalOperator transactions) {
        this.payments = payments;
        this.events = events;
        this.answers = answers;
        this.settled = settled;
        this.transactions = transactions;
    }

    /**
     * @throws UnknownPaymentException (as an error signal) when the event names a payment of ours
     *     that is not on record; nothing is recorded then, so a redelivery is taken
     */
    public Mono<Outcome> record(ProviderEvent event) {
        if (settled.alreadySettled(event.provider(), event.answer())) {
            return Mono.just(Outcome.ALREADY_SETTLED);
        }
        Mono<Outcome> record = events.firstDelivery(event).flatMap(first -> {
            if (!first) {
                return Mono.just(Outcome.DUPLICATE);
            }
            if (event.answer() == null) {
                return Mono.just(Outcome.IGNORED);
            }
            return paymentOf(event)
                    .flatMap(stored -> answers.record(
                                    List.of(stored),
                                    List.of(new Reply.Answered(stored.payment().id(), event.answer(), null)))
                            .thenReturn(Outcome.RECORDED))
                    .switchIfEmpty(Mono.defer(() -> event.paymentId() == null
                            ? Mono.just(Outcome.IGNORED)
                            : Mono.error(new UnknownPaymentException(event.paymentId()))));
        });
        return transactions.transactional(record);
    }

    private Mono<TracedPayment> paymentOf(ProviderEvent event) {
        return event.paymentId() != null
                ? payments.lockById(event.paymentId())
                : payments.lockByReference(event.provider(), event.answer().reference());
    }
}
