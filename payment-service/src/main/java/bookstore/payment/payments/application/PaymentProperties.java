package bookstore.payment.payments.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How payments are worked.
 *
 * @param currency the shop's currency, for "nothing was refunded" when an order never had a payment
 * @param provider how calls to the payment provider are made
 */
@ConfigurationProperties("bookstore.payment")
public record PaymentProperties(
        @DefaultValue("CNY") String currency, @DefaultValue ProviderCalls provider) {

    /**
     * @param pollInterval how often the worker looks in the database for due calls nobody handed
     *     over: due with time (confirmation checks, back-offs), or left by a crash or another replica
     * @param batchSize calls made per round, and the most answers recorded in one transaction
     * @param concurrency calls in flight at once
     * @param callTimeout the longest one call may take before it counts as failed
     * @param lease how long a taken call is held before another attempt may take it; more than the
     *     call timeout
     * @param confirmationCheck how long to wait for a webhook confirming an accepted charge before
     *     asking the provider; webhooks are the fast path, this is the safety net
     * @param retryBackOff the first pause after a failed call; it doubles up to {@code maxRetryBackOff}
     * @param maxRetryBackOff the longest pause between attempts
     * @param answerGathering how long an answer may wait for others to be recorded with it in one
     *     transaction: short next to a provider call
     */
    public record ProviderCalls(
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("50") int batchSize,
            @DefaultValue("8") int concurrency,
            @DefaultValue("20s") Duration callTimeout,
            @DefaultValue("30s") Duration lease,
            @DefaultValue("60s") Duration confirmationCheck,
            @DefaultValue("1s") Duration retryBackOff,
            @DefaultValue("5m") Duration maxRetryBackOff,
            @DefaultValue("10ms") Duration answerGathering) {

        public ProviderCalls {
            if (!lease.minus(callTimeout).isPositive()) {
                throw new IllegalArgumentException("the lease must outlast the call timeout");
            }
        }

        Duration backOffAfter(int attempts) {
            Duration backOff = retryBackOff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
            return backOff.compareTo(maxRetryBackOff) > 0 ? maxRetryBackOff : backOff;
        }
    }
}
