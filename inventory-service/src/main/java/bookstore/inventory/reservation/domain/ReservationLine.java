package bookstore.inventory.reservation.domain;

import java.util.Objects;

/** Copies of one book an order wants set aside. */
public record ReservationLine(String bookId, int quantity) {

    public ReservationLine {
        Objects.requireNonNull(bookId, "bookId");
        if (quantity < 1) {
            throw new IllegalArgumentException("a line reserves at least one copy, was " + quantity);
        }
    }
}
