package bookstore.payment.payments.application;

import bookstore.payment.payments.domain.ProviderCall;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Makes the provider calls payments have due: charges to submit, pending charges to check, charges
 * to cancel or refund. A call is taken in one transaction and its answer recorded in another, so
 * no transaction stays open while the provider is on the line; a call whose answer is lost is
 * simply made again under the same idempotency key.
 */
@Component
class CallingProvider {

    private static final Logger log = LoggerFactory.getLogger(CallingProvider.class);

    private final Payments payments;
    private final PaymentProvider provider;
    private final ProviderAnswers answers;
    private final TransactionalOperator transactions;
    private final PaymentProperties.ProviderCalls settings;
    private final Clock clock;

    CallingProvider(
            Payments payments,
            PaymentProvider provider,
            ProviderAnswers answers,
            TransactionalOperator transactions,
            PaymentProperties properties,
            Clock clock) {
        this.payments = payments;
        this.provider = provider;
        this.answers = answers;
        this.transactions = transactions;
        this.settings = properties.provider();
        this.clock = clock;
    }

    /** Makes one round of due calls; tells how many were made. */
    Mono<Integer> callDue() {
        return takeDue(clock.instant()).flatMap(taken -> Flux.fromIterable(taken)
                .flatMap(this::call, settings.concurrency())
                .then(Mono.just(taken.size())));
    }

    private Mono<List<TakenCall>> takeDue(Instant now) {
        Flux<TakenCall> taken = payments.lockDue(now, settings.batchSize()).concatMap(payment -> {
            ProviderCall call = payment.startProviderCall(now, settings.lease());
            return payments.update(payment).thenReturn(new TakenCall(payment.id(), call, payment.providerCalls()));
        });
        // Committed before any call starts: the calls' own transactions lock the same rows.
        return transactions.transactional(taken.collectList());
    }

    private Mono<Void> call(TakenCall taken) {
        return provider.execute(taken.call())
                .timeout(settings.callTimeout())
                .flatMap(answer -> transactions.transactional(
                        payments.lockById(taken.paymentId()).flatMap(payment -> answers.record(payment, answer))))
                .onErrorResume(failure -> {
                    var retryIn = settings.backOffAfter(taken.attempt());
                    log.warn(
                            "{} call for payment {} failed (attempt {}); trying again in {}",
                            taken.call().getClass().getSimpleName(),
                            taken.paymentId(),
                            taken.attempt(),
                            retryIn,
                            failure);
                    return transactions.transactional(
                            payments.lockById(taken.paymentId()).flatMap(payment -> {
                                payment.providerCallFailed(clock.instant(), retryIn);
                                return payments.update(payment);
                            }));
                });
    }

    private record TakenCall(UUID paymentId, ProviderCall call, int attempt) {}
}
