package bookstore.order.shipping.application;

/** A callback for a carrier this shop does not use. */
public class UnknownCarrierException extends RuntimeException {

    public UnknownCarrierException(String carrier) {
        super("This shop takes no tracking callbacks from " + carrier + ".");
    }
}
