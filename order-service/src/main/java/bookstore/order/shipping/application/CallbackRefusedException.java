package bookstore.order.shipping.application;

/** A carrier callback that is not believed (bad signature) or not understood; it changes nothing. */
public class CallbackRefusedException extends RuntimeException {

    private final boolean forged;

    private CallbackRefusedException(String message, boolean forged) {
        super(message);
        this.forged = forged;
    }

    public static CallbackRefusedException forged(String message) {
        return new CallbackRefusedException(message, true);
    }

    public static CallbackRefusedException malformed(String message) {
        return new CallbackRefusedException(message, false);
    }

    /** Whether the signature failed, rather than the content. */
    public boolean forged() {
        return forged;
    }
}
