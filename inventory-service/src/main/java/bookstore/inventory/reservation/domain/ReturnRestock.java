package bookstore.inventory.reservation.domain;

import bookstore.inventory.stock.domain.Movement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The copies of a customer's return that arrived back at the shop, book by book as inspection found
 * them. Lines of the same book are merged and kept in book id order, the order stock records are
 * locked in. A return without lines moves nothing but is still taken in, so its saga gets its answer.
 */
public record ReturnRestock(String orderId, String returnId, List<ReturnedLine> lines) {

    public ReturnRestock {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(returnId, "returnId");
        Map<String, ReturnedLine> perBook = new TreeMap<>();
        lines.forEach(line -> perBook.merge(line.bookId(), line, ReturnedLine::plus));
        lines = List.copyOf(perBook.values());
    }

    /**
     * What taking the return in does to stock: per book, the resalable copies back on hand (RETURN)
     * and the damaged ones written off (DAMAGED), each naming the order and the return.
     */
    public List<Movement> movements() {
        List<Movement> movements = new ArrayList<>();
        lines.forEach(line -> {
            if (line.resalable() > 0) {
                movements.add(Movement.returnedToStock(line.bookId(), orderId, returnId, line.resalable()));
            }
            if (line.damaged() > 0) {
                movements.add(Movement.returnedDamaged(line.bookId(), orderId, returnId, line.damaged()));
            }
        });
        return movements;
    }

    public List<String> bookIds() {
        return lines.stream().map(ReturnedLine::bookId).toList();
    }

    /**
     * Copies of one book that came back.
     *
     * @param resalable copies that go back on the shelf
     * @param damaged copies written off
     */
    public record ReturnedLine(String bookId, int resalable, int damaged) {

        public ReturnedLine {
            Objects.requireNonNull(bookId, "bookId");
            if (resalable < 0 || damaged < 0 || resalable + damaged < 1) {
                throw new IllegalArgumentException("a returned line brings back at least one copy, none negative");
            }
        }

        ReturnedLine plus(ReturnedLine other) {
            return new ReturnedLine(
                    bookId, Math.addExact(resalable, other.resalable), Math.addExact(damaged, other.damaged));
        }
    }
}
