package bookstore.payment.payments.application;

import reactor.core.publisher.Mono;

/**
 * Runs work in the trace of the saga command it is done for, so that what it records (the events it
 * appends, the trace a payment keeps for the provider's later answers) continues that command's
 * trace, not another's of the same batch. The messaging adapter supplies it per delivered record.
 */
@FunctionalInterface
public interface InTrace {

    /** Work that keeps whatever trace it runs in. */
    InTrace AS_IS = InTrace::asIs;

    <T> Mono<T> run(Mono<T> work);

    private static <T> Mono<T> asIs(Mono<T> work) {
        return work;
    }
}
