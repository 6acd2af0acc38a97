package bookstore.payment.payments.application;

import java.util.UUID;

/**
 * A webhook names one of our payments that is not on record (yet). Refusing it makes the provider
 * deliver it again later instead of losing it.
 */
public class UnknownPaymentException extends RuntimeException {

    UnknownPaymentException(UUID paymentId) {
        super("no payment " + paymentId);
    }
}
