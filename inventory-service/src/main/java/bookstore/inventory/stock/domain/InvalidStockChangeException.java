package bookstore.inventory.stock.domain;

/** A requested stock change makes no sense on its own (a zero receipt, a wrong-signed adjustment…). */
public class InvalidStockChangeException extends RuntimeException {

    private final String field;

    public InvalidStockChangeException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The input the problem is about, as the client named it. */
    public String field() {
        return field;
    }
}
