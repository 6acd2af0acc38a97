package bookstore.inventory.stock.application;

/** No movement with that id in the book's ledger. */
public class MovementNotFoundException extends RuntimeException {

    public MovementNotFoundException(long movementId) {
        super("No stock movement " + movementId + " for this book.");
    }
}
