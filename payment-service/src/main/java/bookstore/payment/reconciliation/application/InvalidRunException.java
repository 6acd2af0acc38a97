package bookstore.payment.reconciliation.application;

/** A run that cannot be made: of a day still to come, or of a provider not configured here. Nothing was run. */
public class InvalidRunException extends RuntimeException {

    InvalidRunException(String message) {
        super(message);
    }
}
