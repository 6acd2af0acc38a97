package bookstore.catalog.book.domain;

import java.util.UUID;

/** A book's identity in the catalogue; other services know the book by it. */
public record BookId(UUID value) {

    public static BookId generate() {
        return new BookId(UUID.randomUUID());
    }

    /** Reads an id from outside; anything but a UUID is refused before it gets near a query. */
    public static BookId parse(String text) {
        try {
            if (text == null || text.length() != 36) {
                throw new IllegalArgumentException();
            }
            return new BookId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new InvalidBookException("id", "a book id is a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
