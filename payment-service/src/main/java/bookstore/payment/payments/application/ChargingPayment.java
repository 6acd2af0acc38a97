package bookstore.payment.payments.application;

import bookstore.payment.payments.domain.Announcement;
import bookstore.payment.payments.domain.Payment;
import bookstore.platform.observability.CurrentTrace;
import bookstore.platform.observability.TracedLogging;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Takes on the charge of an order: one payment per order, however often the saga asks. The
 * provider is called after this transaction commits (by {@link ProviderCallWorker}), so an order's
 * payment is on record before any money can move.
 */
@Service
public class ChargingPayment {

    private static final Logger log = LoggerFactory.getLogger(ChargingPayment.class);

    private final Payments payments;
    private final PaymentProvider provider;
    private final SagaAnnouncements announcements;
    private final ProviderCallWorker worker;
    private final TransactionalOperator transactions;
    private final CurrentTrace trace;
    private final Clock clock;

    ChargingPayment(
            Payments payments,
            PaymentProvider provider,
            SagaAnnouncements announcements,
            ProviderCallWorker worker,
            TransactionalOperator transactions,
            CurrentTrace trace,
            Clock clock) {
        this.payments = payments;
        this.provider = provider;
        this.announcements = announcements;
        this.worker = worker;
        this.transactions = transactions;
        this.trace = trace;
        this.clock = clock;
    }

    public Mono<Void> charge(ChargeRequest request) {
        Mono<Void> charge = payments.lockOrder(request.orderId())
                .then(payments.isCancelledOrder(request.orderId()))
                .flatMap(cancelled -> cancelled
                        ? announcements.announce(
                                List.of(new Announcement.ChargeFailed(request.orderId(), Payment.ORDER_CANCELLED)))
                        : trace.traceparent().flatMap(traceparent -> open(request, traceparent.orElse(null))));
        return transactions.transactional(charge);
    }

    private Mono<Void> open(ChargeRequest request, String traceparent) {
        Payment payment = Payment.request(
                UUID.randomUUID(),
                request.orderId(),
                request.customerId(),
                request.amount(),
                request.paymentMethod(),
                provider.name(),
                clock.instant());
        payment.serve(traceparent);
        return payments.insert(payment)
                .flatMap(inserted -> inserted
                        ? worker.wakeUpAfterCommit()
                        : payments.lockByOrder(request.orderId()).flatMap(existing -> {
                            Mono<Void> warning = existing.amount().equals(request.amount())
                                    ? Mono.empty()
                                    : TracedLogging.log(() -> log.warn(
                                            "Order {} asked to be charged {} but its payment is for {}; the payment stands",
                                            request.orderId(),
                                            request.amount(),
                                            existing.amount()));
                            return warning.then(announcements.announce(existing.chargeRequestedAgain()));
                        }));
    }
}
