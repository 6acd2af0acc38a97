package bookstore.inventory.reservation.domain;

import bookstore.inventory.stock.domain.Movement;
import bookstore.inventory.stock.domain.StockChanges;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The saga's commands of one batch, carried out in memory in the order they came, against the
 * reservations of their orders and the stock records of their books, both read and locked
 * beforehand. Each command sees what the ones before it did: a commit after its order's reserve
 * sells the copies just set aside, a reserve after its order's release is refused. What the batch
 * did is then written at once: the stock changes, the reservations of orders new to inventory and
 * the new status of the others.
 *
 * <p>Customers' returns do not touch reservations: a return is taken in once, by its id, which the
 * batch's transaction claimed beforehand.
 */
public final class ReservationBatch {

    private final Set<String> stored = new LinkedHashSet<>();
    private final Map<String, Reservation> current = new LinkedHashMap<>();
    private final Set<String> changedStatus = new LinkedHashSet<>();
    private final Set<String> returnsToTakeIn;
    private final StockChanges stock;

    /**
     * @param locked the reservations inventory already keeps for the batch's orders
     * @param stock the records of every book the batch's orders hold or ask for, or its returns bring back
     * @param claimedReturns the returns of the batch that inventory had not taken in before, claimed
     *     for its transaction
     */
    public ReservationBatch(Collection<Reservation> locked, StockChanges stock, Collection<String> claimedReturns) {
        locked.forEach(reservation -> {
            stored.add(reservation.orderId());
            current.put(reservation.orderId(), reservation);
        });
        this.stock = stock;
        this.returnsToTakeIn = new HashSet<>(claimedReturns);
    }

    /**
     * Sets an order's lines aside, all or nothing: if any line is short (or its book unknown), none is
     * held and the refusal names every short book, in book id order; answered. An order released
     * before inventory saw it is refused as cancelled, answered once. Any other order inventory
     * already knows got its answer: the command is a repeat, it changes nothing and is not answered.
     */
    public Carried reserve(ReservationRequest request) {
        Reservation known = current.get(request.orderId());
        if (known != null) {
            if (known.status() != ReservationStatus.CANCELLED) {
                return Carried.repeat(known);
            }
            Reservation refused = known.refusedAsCancelled();
            current.put(refused.orderId(), refused);
            changedStatus.add(refused.orderId());
            return Carried.answered(refused);
        }
        List<Movement> holds = request.holds();
        List<String> shortBooks = holds.stream()
                .filter(hold -> !stock.allows(hold))
                .map(Movement::bookId)
                .toList();
        Reservation reservation;
        if (shortBooks.isEmpty()) {
            holds.forEach(stock::apply);
            reservation = request.granted();
        } else {
            reservation = request.refused(shortBooks);
        }
        current.put(reservation.orderId(), reservation);
        return Carried.answered(reservation);
    }

    /**
     * Sells what an order holds; answered. A commit of an order already sold (and perhaps returned
     * since) is a repeat. Committing an order inventory holds nothing for is a saga error and fails
     * with {@link IllegalReservationStateException}.
     */
    public Carried commit(String orderId) {
        Reservation known = current.get(orderId);
        if (known == null) {
            throw new IllegalReservationStateException(
                    "order " + orderId + " cannot be committed: inventory holds no reservation for it");
        }
        if (known.status() == ReservationStatus.COMMITTED || known.status() == ReservationStatus.RETURNED) {
            return Carried.repeat(known);
        }
        return Carried.answered(carryOut(known.commit()));
    }

    /**
     * Gives back whatever an order holds; answered. An order inventory has not seen yet is remembered
     * as cancelled, so its late reservation is refused. An order that holds nothing any more was
     * released (or never held anything): the command is a repeat.
     */
    public Carried release(String orderId, String why) {
        Reservation known = current.get(orderId);
        if (known == null) {
            Reservation cancelled = Reservation.cancelledBeforeReserving(orderId);
            current.put(orderId, cancelled);
            return Carried.answered(cancelled);
        }
        Transition transition = known.release(why);
        return transition.changesState() ? Carried.answered(carryOut(transition)) : Carried.repeat(known);
    }

    /**
     * Takes a customer's return in: its resalable copies back on hand, its damaged ones written off;
     * answered. A return taken in before (redelivered, replayed, or twice in this batch) is a repeat:
     * it moves nothing and is not answered again.
     */
    public Restocked restock(ReturnRestock restock) {
        if (!returnsToTakeIn.remove(restock.returnId())) {
            return new Restocked(restock, false);
        }
        restock.movements().forEach(stock::apply);
        return new Restocked(restock, true);
    }

    /** What one command of the batch did. */
    public sealed interface Outcome permits Carried, Restocked {

        /** Whether the saga gets an answer to the command. */
        boolean answered();
    }

    /**
     * What a command left of its order's reservation, and whether the saga gets an answer: a command
     * that comes again (redelivered, or a topic replayed) changes nothing and is not answered again,
     * since its first answer is on its way already.
     */
    public record Carried(Reservation reservation, boolean answered) implements Outcome {

        static Carried answered(Reservation reservation) {
            return new Carried(reservation, true);
        }

        static Carried repeat(Reservation reservation) {
            return new Carried(reservation, false);
        }
    }

    /**
     * A return as the batch found it: taken in now, and answered, or taken in before, and then not
     * answered again, as its first answer committed with the copies it took in.
     */
    public record Restocked(ReturnRestock restock, boolean answered) implements Outcome {}

    private Reservation carryOut(Transition transition) {
        transition.movements().forEach(stock::apply);
        Reservation next = transition.next();
        current.put(next.orderId(), next);
        if (transition.changesState()) {
            changedStatus.add(next.orderId());
        }
        return next;
    }

    /** The reservations of orders inventory did not know before the batch, as the batch left them. */
    public List<Reservation> added() {
        return current.values().stream()
                .filter(reservation -> !stored.contains(reservation.orderId()))
                .toList();
    }

    /** The reservations inventory already kept whose status the batch changed, with their new status. */
    public List<Reservation> changed() {
        return changedStatus.stream().filter(stored::contains).map(current::get).toList();
    }

    /** What the batch did to stock. */
    public StockChanges stock() {
        return stock;
    }
}
