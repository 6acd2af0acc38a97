package bookstore.payment.payments.application;

import bookstore.payment.payments.application.ProviderAnswers.Reply;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Makes the provider calls payments have due: charges to submit, pending charges to check, charges
 * to cancel or refund. Calls come handed over in memory by the transactions that made them due, or
 * from the database, where a poll leases those nobody handed over (due with time, left behind by a
 * crash or another replica). No transaction stays open while the provider is on the line; answers
 * are recorded as they come back, those that come together in one transaction. A call whose answer
 * is lost is simply made again under the same idempotency key.
 *
 * <p>Only the worker's thread runs rounds, so the poll's bookkeeping needs no locking.
 */
@Component
class CallingProvider {

    private static final Logger log = LoggerFactory.getLogger(CallingProvider.class);

    private final Payments payments;
    private final PaymentProviders providers;
    private final ProviderAnswers answers;
    private final HandedOverCalls handedOver;
    private final SettledCharges settled;
    private final TransactionalOperator transactions;
    private final PaymentProperties.ProviderCalls settings;
    private final MeterRegistry meters;
    private final Clock clock;

    private volatile Instant lastPoll;
    private volatile boolean lastPollFull;

    CallingProvider(
            Payments payments,
            PaymentProviders providers,
            ProviderAnswers answers,
            HandedOverCalls handedOver,
            SettledCharges settled,
            TransactionalOperator transactions,
            PaymentProperties properties,
            MeterRegistry meters,
            Clock clock) {
        this.payments = payments;
        this.providers = providers;
        this.answers = answers;
        this.handedOver = handedOver;
        this.settled = settled;
        this.transactions = transactions;
        this.settings = properties.provider();
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Makes one round of calls: those handed over, and those due in the database when nothing was
     * handed over or the poll interval has passed since the last look; tells how many were made.
     */
    Mono<Integer> callDue() {
        return Mono.defer(() -> {
            var now = clock.instant();
            List<TakenCall> handed = handedOver.take(settings.batchSize());
            int room = settings.batchSize() - handed.size();
            boolean poll = room > 0 && (handed.isEmpty() || lastPollFull || pollIntervalPassed(now));
            Mono<List<TakenCall>> due = poll ? takeDue(now, room) : Mono.just(List.of());
            return due.flatMap(polled -> {
                List<TakenCall> calls = new ArrayList<>(handed);
                calls.addAll(polled);
                if (calls.isEmpty()) {
                    return Mono.just(0);
                }
                return Flux.fromIterable(calls)
                        .flatMap(this::call, settings.concurrency())
                        .bufferTimeout(settings.batchSize(), settings.answerGathering(), true)
                        .concatMap(this::record)
                        .then(Mono.just(calls.size()));
            });
        });
    }

    /** Whether calls are waiting already: handed over, or left by a poll that took a full batch. */
    boolean hasMoreWaiting() {
        return handedOver.hasWaiting() || lastPollFull;
    }

    private boolean pollIntervalPassed(Instant now) {
        return lastPoll == null || !now.isBefore(lastPoll.plus(settings.pollInterval()));
    }

    /** Leases due calls with two statements: one locks the payments, one saves their leases. */
    private Mono<List<TakenCall>> takeDue(Instant now, int limit) {
        Mono<List<TakenCall>> taken = payments.lockDue(now, limit).flatMap(due -> {
            List<TakenCall> calls = new ArrayList<>();
            List<TracedPayment> leased = new ArrayList<>();
            for (TracedPayment stored : due) {
                handedOver.lease(stored.payment(), now).ifPresent(call -> {
                    calls.add(call);
                    leased.add(stored);
                });
            }
            lastPoll = now;
            lastPollFull = due.size() >= limit;
            return (leased.isEmpty() ? Mono.<Void>empty() : payments.update(leased)).thenReturn(calls);
        });
        // Committed before any call starts: recording the answers locks the same rows.
        return transactions.transactional(taken);
    }

    private Mono<Reply> call(TakenCall taken) {
        String kind = taken.call().getClass().getSimpleName();
        return Mono.defer(() -> {
                    long started = System.nanoTime();
                    return providers
                            .named(taken.provider())
                            .execute(taken.call())
                            .timeout(settings.callTimeout())
                            .doOnSuccess(answer -> timed(taken.provider(), kind, "answered", started))
                            .doOnError(failure -> timed(
                                    taken.provider(),
                                    kind,
                                    failure instanceof TimeoutException ? "timeout" : "error",
                                    started));
                })
                .<Reply>map(
                        answer -> new Reply.Answered(taken.paymentId(), answer, settings.backOffAfter(taken.attempt())))
                .onErrorResume(failure -> {
                    var retryIn = settings.backOffAfter(taken.attempt());
                    log.warn(
                            "{} call for payment {} failed (attempt {}); trying again in {}",
                            taken.call().getClass().getSimpleName(),
                            taken.paymentId(),
                            taken.attempt(),
                            retryIn,
                            failure);
                    return Mono.just(new Reply.Unanswered(taken.paymentId(), retryIn));
                });
    }

    /** How long a call to the provider took and how it ended: answered, failed, or not answered in time. */
    private void timed(String provider, String call, String outcome, long started) {
        Timer.builder("bookstore.payments.provider.calls")
                .description("Calls to the payment providers, by provider, kind of call and how they ended")
                .tag("provider", provider)
                .tag("call", call)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(meters)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    /**
     * One transaction for answers that came back together: lock, apply, save, announce; once it has
     * committed, the outcomes it recorded are remembered for the webhooks that will repeat them.
     */
    private Mono<Void> record(List<Reply> replies) {
        List<UUID> ids = replies.stream().map(Reply::paymentId).distinct().toList();
        return transactions
                .transactional(payments.lockByIds(ids)
                        .flatMap(locked -> answers.record(locked, replies).thenReturn(locked)))
                .doOnNext(settled::remember)
                .then();
    }
}
