package bookstore.catalog.book.domain;

/** A value that breaks one of the catalogue's rules for a book; names the offending field. */
public class InvalidBookException extends IllegalArgumentException {

    private final String field;

    public InvalidBookException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
