package bookstore.order.ordering.application;

/** A list of orders asked for with a parameter that makes no sense (a range that ends before it starts…). */
public class InvalidOrderQueryException extends RuntimeException {

    private final String parameter;

    public InvalidOrderQueryException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The query parameter at fault, as the caller named it. */
    public String parameter() {
        return parameter;
    }
}
