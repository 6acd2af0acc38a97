package bookstore.payment.payments.application;

import bookstore.payment.payments.domain.Announcement;
import bookstore.payment.payments.domain.Money;
import bookstore.platform.observability.CurrentTrace;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Gives back what an order was charged, for compensation or a cancelled order. An order not
 * charged yet is remembered as cancelled, so its charge, should it still come, is refused.
 */
@Service
public class RefundingPayment {

    private final Payments payments;
    private final SagaAnnouncements announcements;
    private final ProviderCallWorker worker;
    private final TransactionalOperator transactions;
    private final PaymentProperties properties;
    private final CurrentTrace trace;
    private final Clock clock;

    RefundingPayment(
            Payments payments,
            SagaAnnouncements announcements,
            ProviderCallWorker worker,
            TransactionalOperator transactions,
            PaymentProperties properties,
            CurrentTrace trace,
            Clock clock) {
        this.payments = payments;
        this.announcements = announcements;
        this.worker = worker;
        this.transactions = transactions;
        this.properties = properties;
        this.trace = trace;
        this.clock = clock;
    }

    /** @param reason why the order no longer wants to pay, for the record */
    public Mono<Void> refund(String orderId, String reason) {
        var now = clock.instant();
        Mono<Void> refund = payments.lockOrder(orderId)
                .then(payments.lockByOrder(orderId))
                .zipWith(trace.traceparent())
                .flatMap(locked -> {
                    var payment = locked.getT1();
                    var announced = payment.requestRefund(now);
                    // The provider's answer to the refund continues the trace of the command asking for it.
                    payment.serve(locked.getT2().orElse(null));
                    return payments.update(payment)
                            .then(announcements.announce(announced))
                            .then(payment.isProviderCallDue(now) ? worker.wakeUpAfterCommit() : Mono.empty())
                            .thenReturn(true);
                })
                .switchIfEmpty(Mono.defer(() -> payments.recordCancelledOrder(orderId, reason, now)
                        .then(announcements.announce(
                                List.of(new Announcement.Refunded(orderId, Money.zero(properties.currency())))))
                        .thenReturn(true)))
                .then();
        return transactions.transactional(refund);
    }
}
