package bookstore.inventory.stock.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stock records read and locked for one transaction, changed in memory movement by movement. Each
 * movement obeys the no-oversell rule against the level the one before it left and gets its book's
 * next version, so the movements, written as ledger entries, sum to the books' final levels. The
 * transaction then writes the final records and the movements at once, and announces each book
 * once, with where all its movements left it.
 */
public final class StockChanges {

    private final Map<String, Book> books = new TreeMap<>();
    private final List<AppliedMovement> movements = new ArrayList<>();

    public StockChanges(Collection<StockRecord> locked) {
        locked.forEach(record -> books.put(record.bookId(), new Book(record)));
    }

    /** Whether the book is among the records read (inventory knows it). */
    public boolean stocks(String bookId) {
        return books.containsKey(bookId);
    }

    /** The book's record as the movements so far left it. */
    public StockRecord recordOf(String bookId) {
        return book(bookId).now;
    }

    /** Whether the movement could be applied now: its book is known and it would not oversell it. */
    public boolean allows(Movement movement) {
        Book book = books.get(movement.bookId());
        return book != null && book.now.level().allows(movement);
    }

    /**
     * Applies a movement to its book's record. Fails with {@link InsufficientStockException} when it
     * would leave fewer than zero copies available; nothing changes then.
     */
    public AppliedMovement apply(Movement movement) {
        Book book = book(movement.bookId());
        StockRecord after = book.now.after(movement);
        if (book.first == null) {
            book.first = movement;
        }
        book.now = after;
        AppliedMovement applied = new AppliedMovement(movement, after.level(), after.version());
        movements.add(applied);
        return applied;
    }

    /** Every movement applied, in the order applied. */
    public List<AppliedMovement> movements() {
        return List.copyOf(movements);
    }

    /** The final records of the books that moved, in book id order. */
    public List<StockRecord> changed() {
        return books.values().stream().filter(Book::moved).map(book -> book.now).toList();
    }

    /** The final records of the books whose movements here took them to or below their threshold. */
    public List<StockRecord> runningLow() {
        return books.values().stream()
                .filter(Book::moved)
                .filter(Book::alerts)
                .map(book -> book.now)
                .toList();
    }

    private Book book(String bookId) {
        Book book = books.get(bookId);
        if (book == null) {
            throw new IllegalArgumentException("book " + bookId + " is not among the stock records read");
        }
        return book;
    }

    private static final class Book {

        private final StockRecord before;
        private StockRecord now;
        private Movement first;

        Book(StockRecord before) {
            this.before = before;
            this.now = before;
        }

        boolean moved() {
            return first != null;
        }

        boolean alerts() {
            LowStockThreshold threshold = now.threshold();
            return first.kind() == MovementKind.OPENING
                    ? threshold.alertsOnOpening(now.level())
                    : threshold.alertsOn(before.level(), now.level());
        }
    }
}
