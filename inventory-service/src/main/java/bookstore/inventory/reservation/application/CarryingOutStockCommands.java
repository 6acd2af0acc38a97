package bookstore.inventory.reservation.application;

import bookstore.events.order.CommitStock;
import bookstore.events.order.InventoryCommand;
import bookstore.events.order.ReleaseStock;
import bookstore.events.order.ReserveStock;
import bookstore.inventory.reservation.domain.Reservation;
import bookstore.inventory.reservation.domain.ReservationBatch;
import bookstore.inventory.reservation.domain.ReservationLine;
import bookstore.inventory.reservation.domain.ReservationRequest;
import bookstore.inventory.stock.application.StockLedger;
import bookstore.inventory.stock.domain.StockChanges;
import bookstore.platform.messaging.Delivered;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Carries out the order saga's commands to inventory a batch at a time, in one transaction with a
 * fixed number of statements however many commands it holds: the batch's reservations are read and
 * locked, then the stock records of every book they hold or ask for (in book id order, so batches
 * sharing books never deadlock); the commands are carried out in memory in the order they came
 * ({@link ReservationBatch}); the outcome is written with a statement per table, and each command is
 * answered (StockReserved or StockReservationFailed, StockCommitted, StockReleased) in the trace of
 * its own record.
 *
 * <p>Idempotent by state: a command that comes again finds its order's reservation as the first
 * left it, moves no stock and is not answered again (its first answer is on its way), so replaying
 * the topic publishes nothing. Committing an order inventory holds nothing for fails the batch
 * with {@code IllegalReservationStateException}; the platform then finds that command and sends it
 * alone to the dead-letter topic, for an operator, while the others take effect.
 */
@Service
public class CarryingOutStockCommands {

    private final Reservations reservations;
    private final StockLedger ledger;
    private final ReservationReplies replies;
    private final TransactionalOperator transactions;

    CarryingOutStockCommands(
            Reservations reservations,
            StockLedger ledger,
            ReservationReplies replies,
            TransactionalOperator transactions) {
        this.reservations = reservations;
        this.ledger = ledger;
        this.replies = replies;
        this.transactions = transactions;
    }

    /** Carries out a batch of commands, in its order; emits each command's order's reservation after it. */
    public Mono<List<Reservation>> carryOut(List<Delivered<InventoryCommand>> batch) {
        List<InventoryCommand> commands = Delivered.events(batch);
        return transactions.transactional(lockWhatIsTouchedBy(commands).flatMap(carried -> {
            List<ReservationBatch.Carried> outcomes =
                    commands.stream().map(command -> carryOut(carried, command)).toList();
            return write(carried)
                    .then(answer(batch, outcomes))
                    .thenReturn(outcomes.stream()
                            .map(ReservationBatch.Carried::reservation)
                            .toList());
        }));
    }

    /** The batch's reservations, then the records of every book they hold or its reserves ask for. */
    private Mono<ReservationBatch> lockWhatIsTouchedBy(List<InventoryCommand> commands) {
        Mono<List<Reservation>> known = reservations.lockAll(ordersOf(commands)).collectList();
        return known.flatMap(locked -> {
            Mono<StockChanges> stock = ledger.lock(booksOf(commands, locked));
            return stock.map(books -> new ReservationBatch(locked, books));
        });
    }

    private Mono<Void> write(ReservationBatch carried) {
        return ledger.record(carried.stock()).then(reservations.save(carried.added(), carried.changed()));
    }

    /**
     * Each command's answer, in the trace of its own record, so the saga's trace goes on through it;
     * a repeated command gets none.
     */
    private Mono<Void> answer(List<Delivered<InventoryCommand>> batch, List<ReservationBatch.Carried> outcomes) {
        return Flux.range(0, batch.size())
                .filter(index -> outcomes.get(index).answered())
                .concatMap(index -> {
                    Delivered<InventoryCommand> delivered = batch.get(index);
                    return delivered.traced(
                            answer(delivered.event(), outcomes.get(index).reservation()));
                })
                .then();
    }

    private static ReservationBatch.Carried carryOut(ReservationBatch batch, InventoryCommand command) {
        return switch (command) {
            case ReserveStock reserve -> batch.reserve(request(reserve));
            case CommitStock commit -> batch.commit(commit.orderId());
            case ReleaseStock release -> batch.release(release.orderId(), release.reason());
        };
    }

    private Mono<Void> answer(InventoryCommand command, Reservation after) {
        return switch (command) {
            case ReserveStock reserve -> replies.toReserve(after);
            case CommitStock commit -> replies.committed(commit.orderId());
            case ReleaseStock release -> replies.released(release.orderId());
        };
    }

    private static List<String> ordersOf(List<InventoryCommand> commands) {
        return commands.stream().map(InventoryCommand::orderId).distinct().toList();
    }

    /** Every book the batch's reservations hold and its reserve commands ask for. */
    private static Set<String> booksOf(List<InventoryCommand> commands, List<Reservation> known) {
        Set<String> books = new TreeSet<>();
        known.forEach(reservation -> reservation.lines().forEach(line -> books.add(line.bookId())));
        commands.forEach(command -> {
            if (command instanceof ReserveStock reserve) {
                reserve.lines().forEach(line -> books.add(line.bookId()));
            }
        });
        return books;
    }

    private static ReservationRequest request(ReserveStock command) {
        return new ReservationRequest(
                command.orderId(),
                command.lines().stream()
                        .map(line -> new ReservationLine(line.bookId(), line.quantity()))
                        .toList());
    }
}
