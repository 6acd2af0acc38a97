package bookstore.payment.payments.application;

import bookstore.payment.payments.domain.Payment;
import bookstore.payment.payments.domain.ProviderAnswer;
import bookstore.platform.observability.CurrentTrace;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Records what the provider said about payments locked in the current transaction, whether the
 * answers came back from calls or arrived by webhook: saves what changed with one statement,
 * announces it, and hands the calls that became due to the worker once the transaction commits.
 */
@Component
class ProviderAnswers {

    private static final Logger log = LoggerFactory.getLogger(ProviderAnswers.class);

    private final Payments payments;
    private final PaymentMessages messages;
    private final HandedOverCalls handedOver;
    private final PaymentProperties properties;
    private final Clock clock;

    ProviderAnswers(
            Payments payments,
            PaymentMessages messages,
            HandedOverCalls handedOver,
            PaymentProperties properties,
            Clock clock) {
        this.payments = payments;
        this.messages = messages;
        this.handedOver = handedOver;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Applies the replies, in their order, to the locked payments they are about. What a payment
     * announces continues the trace of the saga command it serves, not the worker's or the webhook
     * request's own. A stale answer changes nothing and costs no write.
     */
    Mono<Void> record(List<TracedPayment> locked, List<Reply> replies) {
        var now = clock.instant();
        Map<UUID, Recording> recordings = new LinkedHashMap<>();
        locked.forEach(stored -> recordings.put(stored.payment().id(), new Recording(stored)));
        for (Reply reply : replies) {
            Recording recording = recordings.get(reply.paymentId());
            if (recording == null) {
                continue;
            }
            Payment payment = recording.stored().payment();
            switch (reply) {
                case Reply.Answered answered -> {
                    try {
                        payment.record(
                                answered.answer(), now, properties.provider().confirmationCheck());
                    } catch (IllegalArgumentException refused) {
                        if (answered.retryIfRefused() == null) {
                            throw refused;
                        }
                        // One answer that does not fit its payment must not hold up the others taken with it.
                        log.warn(
                                "Payment {} cannot take the provider's answer {}; asking again in {}",
                                payment.id(),
                                answered.answer(),
                                answered.retryIfRefused(),
                                refused);
                        payment.providerCallFailed(now, answered.retryIfRefused());
                    }
                }
                case Reply.Unanswered unanswered -> payment.providerCallFailed(now, unanswered.retryIn());
            }
        }
        List<TracedPayment> changed = new ArrayList<>();
        List<TakenCall> leased = new ArrayList<>();
        List<Mono<Void>> announcements = new ArrayList<>();
        for (Recording recording : recordings.values()) {
            Payment payment = recording.stored().payment();
            handedOver.lease(payment, now).ifPresent(leased::add);
            if (!payment.state().equals(recording.before())) {
                changed.add(recording.stored());
            }
            var effects = payment.effects()
                    .subList(recording.effectsBefore(), payment.effects().size());
            if (!effects.isEmpty()) {
                announcements.add(CurrentTrace.continuing(recording.stored().traceparent(), messages.publish(effects)));
            }
        }
        Mono<Void> save = changed.isEmpty() ? Mono.empty() : payments.update(changed);
        return save.then(Flux.concat(announcements).then()).then(handedOver.afterCommit(leased));
    }

    /** What came of a provider call, or what a webhook said: an answer, or no answer at all. */
    sealed interface Reply {

        UUID paymentId();

        /**
         * @param retryIfRefused when to ask again should the answer not fit the payment; null to
         *     refuse it outright (a webhook, which the provider delivers again)
         */
        record Answered(UUID paymentId, ProviderAnswer answer, Duration retryIfRefused) implements Reply {

            public Answered {
                Objects.requireNonNull(answer, "answer");
            }
        }

        /** The call failed without an answer; it is due again after {@code retryIn}. */
        record Unanswered(UUID paymentId, Duration retryIn) implements Reply {}
    }

    /** A payment being recorded on, as it was before. */
    private record Recording(TracedPayment stored, Payment.State before, int effectsBefore) {

        Recording(TracedPayment stored) {
            this(stored, stored.payment().state(), stored.payment().effects().size());
        }
    }
}
