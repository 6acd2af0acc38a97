package bookstore.payment.payments.application;

import bookstore.payment.payments.domain.ProviderCall;
import java.util.UUID;

/**
 * A provider call taken for a payment, held for it until its lease ends.
 *
 * @param provider the provider the payment is with, which the call goes to
 * @param attempt how many calls the payment has taken so far, this one included, for the back-off
 */
record TakenCall(UUID paymentId, String provider, ProviderCall call, int attempt) {}
