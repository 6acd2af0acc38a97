package bookstore.payment.payments.application;

import bookstore.payment.payments.domain.Payment;
import bookstore.platform.work.HandedOver;
import bookstore.platform.work.WakeUpSignal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Provider calls handed to the {@link ProviderCallWorker} in memory by the transaction that made
 * them due, so the worker need not find them in the database. The transaction takes each call's
 * lease as it saves the payment: should the process end before the call is made, the lease runs out
 * and the worker's poll takes the call like any other that is due.
 */
@Component
class HandedOverCalls {

    private final HandedOver<TakenCall> handedOver = new HandedOver<>();
    private final PaymentProperties.ProviderCalls settings;

    HandedOverCalls(PaymentProperties properties) {
        this.settings = properties.provider();
    }

    /** Takes the payment's call if one is due now; the caller saves the payment with its lease. */
    Optional<TakenCall> lease(Payment payment, Instant now) {
        if (!payment.isProviderCallDue(now)) {
            return Optional.empty();
        }
        var call = payment.startProviderCall(now, settings.lease());
        return Optional.of(new TakenCall(payment.id(), payment.provider(), call, payment.providerCalls()));
    }

    /** Hands the calls to the worker once their leases are committed (see {@link HandedOver#afterCommit}). */
    Mono<Void> afterCommit(List<TakenCall> calls) {
        return handedOver.afterCommit(calls);
    }

    /** Up to {@code max} calls handed over, oldest first. */
    List<TakenCall> take(int max) {
        return handedOver.take(max);
    }

    boolean hasWaiting() {
        return handedOver.hasWaiting();
    }

    /** Raised whenever calls are handed over; the worker waits on it between rounds. */
    WakeUpSignal wakeUps() {
        return handedOver.wakeUps();
    }
}
