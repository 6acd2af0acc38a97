package bookstore.payment.payments.application;

import bookstore.payment.payments.domain.Payment;
import bookstore.payment.payments.domain.ProviderAnswer;
import bookstore.platform.observability.CurrentTrace;
import java.time.Clock;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Records an answer from the provider on a locked payment and announces what it changed, whether
 * the answer came back from a call or arrived by webhook.
 */
@Component
class ProviderAnswers {

    private final Payments payments;
    private final SagaAnnouncements announcements;
    private final PaymentProperties properties;
    private final Clock clock;

    ProviderAnswers(Payments payments, SagaAnnouncements announcements, PaymentProperties properties, Clock clock) {
        this.payments = payments;
        this.announcements = announcements;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Must run in a transaction that holds the payment's lock. What it announces continues the trace
     * of the saga command the payment serves, not the worker's or the webhook request's own.
     */
    Mono<Void> record(Payment payment, ProviderAnswer answer) {
        var announced =
                payment.record(answer, clock.instant(), properties.provider().confirmationCheck());
        return payments.update(payment)
                .then(CurrentTrace.continuing(payment.traceparent(), announcements.announce(announced)));
    }
}
