package bookstore.inventory.reservation.domain;

import bookstore.inventory.stock.domain.Movement;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An order asking for its lines to be set aside, all or nothing. Lines of the same book are merged
 * and the lines are kept in book id order: every reservation then locks stock records in the same
 * order, so two orders for the same books can never deadlock.
 */
public record ReservationRequest(String orderId, List<ReservationLine> lines) {

    public ReservationRequest {
        Objects.requireNonNull(orderId, "orderId");
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("an order reserves at least one line");
        }
        Map<String, Integer> copiesPerBook = new TreeMap<>();
        lines.forEach(line -> copiesPerBook.merge(line.bookId(), line.quantity(), Math::addExact));
        lines = copiesPerBook.entrySet().stream()
                .map(entry -> new ReservationLine(entry.getKey(), entry.getValue()))
                .toList();
    }

    /** The movements that set every line aside, in locking order. */
    public List<Movement> holds() {
        return lines.stream()
                .map(line -> Movement.reservation(line.bookId(), orderId, line.quantity()))
                .toList();
    }

    public Reservation granted() {
        return new Reservation(orderId, ReservationStatus.RESERVED, lines, null, List.of());
    }

    public Reservation refused(List<String> shortBookIds) {
        if (shortBookIds.isEmpty()) {
            throw new IllegalArgumentException("a refusal for short stock names the short books");
        }
        return new Reservation(orderId, ReservationStatus.REJECTED, lines, Refusal.INSUFFICIENT_STOCK, shortBookIds);
    }
}
