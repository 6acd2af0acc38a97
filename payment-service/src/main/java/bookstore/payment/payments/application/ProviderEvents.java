package bookstore.payment.payments.application;

import reactor.core.publisher.Mono;

/** Provider webhook events already taken, so a redelivered event changes nothing. */
public interface ProviderEvents {

    /** Records the event in the current transaction; false if it was recorded before. */
    Mono<Boolean> firstDelivery(ProviderEvent event);
}
