package bookstore.inventory.reservation.application;

import bookstore.events.order.CommitStock;
import bookstore.events.order.InventoryCommand;
import bookstore.events.order.ReleaseStock;
import bookstore.events.order.ReserveStock;
import bookstore.events.order.RestockReturn;
import bookstore.inventory.reservation.domain.Reservation;
import bookstore.inventory.reservation.domain.ReservationBatch;
import bookstore.inventory.reservation.domain.ReservationLine;
import bookstore.inventory.reservation.domain.ReservationRequest;
import bookstore.inventory.reservation.domain.ReturnRestock;
import bookstore.inventory.stock.application.StockLedger;
import bookstore.platform.messaging.Delivered;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * answered (StockReserved or StockReservationFailed, StockCommitted, StockReleased, ReturnRestocked)
 * in the trace of its own record.
 *
 * <p>Idempotent by state: a command that comes again finds its order's reservation as the first
 * left it, moves no stock and is not answered again (its first answer is on its way), so replaying
 * the topic publishes nothing. Committing an order inventory holds nothing for fails the batch
 * with {@code IllegalReservationStateException}; the platform then finds that command and sends it
 * alone to the dead-letter topic, for an operator, while the others take effect.
 *
 * <p>A batch with customers' returns (RestockReturn) takes two statements more, before the stock is
 * locked: one claims its returns by id (a return taken in before is a repeat like any other: it
 * moves nothing and is not answered again), one opens an empty stock record for a
 * returned book inventory never stocked, so copies that physically came back are counted rather
 * than refused. Batches of the purchase saga alone run exactly as many statements as before.
 */
@Service
public class CarryingOutStockCommands {

    private final Reservations reservations;
    private final TakenInReturns takenIn;
    private final StockLedger ledger;
    private final ReservationReplies replies;
    private final TransactionalOperator transactions;

    CarryingOutStockCommands(
            Reservations reservations,
            TakenInReturns takenIn,
            StockLedger ledger,
            ReservationReplies replies,
            TransactionalOperator transactions) {
        this.reservations = reservations;
        this.takenIn = takenIn;
        this.ledger = ledger;
        this.replies = replies;
        this.transactions = transactions;
    }

    /** Carries out a batch of commands, in its order; emits what each command did, in the same order. */
    public Mono<List<ReservationBatch.Outcome>> carryOut(List<Delivered<InventoryCommand>> batch) {
        List<InventoryCommand> commands = Delivered.events(batch);
        return transactions.transactional(lockWhatIsTouchedBy(commands).flatMap(carried -> {
            List<ReservationBatch.Outcome> outcomes =
                    commands.stream().map(command -> carryOut(carried, command)).toList();
            return write(carried).then(answer(batch, outcomes)).thenReturn(outcomes);
        }));
    }

    /**
     * The batch's reservations; its returns not taken in before, claimed; then the records of every
     * book the reservations hold, its reserves ask for or its returns bring back.
     */
    private Mono<ReservationBatch> lockWhatIsTouchedBy(List<InventoryCommand> commands) {
        Mono<List<Reservation>> known = reservations.lockAll(ordersOf(commands)).collectList();
        List<ReturnRestock> returns = returnsOf(commands);
        return known.flatMap(locked -> takenIn.claim(returns).collectList().flatMap(claimed -> {
            Set<String> returnedBooks = new TreeSet<>();
            returns.stream()
                    .filter(restock -> claimed.contains(restock.returnId()))
                    .forEach(restock -> returnedBooks.addAll(restock.bookIds()));
            Set<String> books = booksOf(commands, locked);
            books.addAll(returnedBooks);
            return ledger.lock(books, returnedBooks).map(stock -> new ReservationBatch(locked, stock, claimed));
        }));
    }

    private Mono<Void> write(ReservationBatch carried) {
        return ledger.record(carried.stock()).then(reservations.save(carried.added(), carried.changed()));
    }

    /**
     * Each command's answer, in the trace of its own record, so the saga's trace goes on through it;
     * a repeated command gets none.
     */
    private Mono<Void> answer(List<Delivered<InventoryCommand>> batch, List<ReservationBatch.Outcome> outcomes) {
        return Flux.range(0, batch.size())
                .filter(index -> outcomes.get(index).answered())
                .concatMap(index -> {
                    Delivered<InventoryCommand> delivered = batch.get(index);
                    return delivered.traced(answer(delivered.event(), outcomes.get(index)));
                })
                .then();
    }

    private static ReservationBatch.Outcome carryOut(ReservationBatch batch, InventoryCommand command) {
        return switch (command) {
            case ReserveStock reserve -> batch.reserve(request(reserve));
            case CommitStock commit -> batch.commit(commit.orderId());
            case ReleaseStock release -> batch.release(release.orderId(), release.reason());
            case RestockReturn restock -> batch.restock(restock(restock));
        };
    }

    /** A reserve is answered from what its reservation says now; the others by what they did. */
    private Mono<Void> answer(InventoryCommand command, ReservationBatch.Outcome outcome) {
        return switch (command) {
            case ReserveStock reserve -> replies.toReserve(((ReservationBatch.Carried) outcome).reservation());
            case CommitStock commit -> replies.committed(commit.orderId());
            case ReleaseStock release -> replies.released(release.orderId());
            case RestockReturn restock -> replies.restocked(restock.orderId(), restock.returnId());
        };
    }

    private static List<String> ordersOf(List<InventoryCommand> commands) {
        return commands.stream().map(InventoryCommand::orderId).distinct().toList();
    }

    /** The batch's returns, the first of each return id only (a repeat within the batch is answered as one). */
    private static List<ReturnRestock> returnsOf(List<InventoryCommand> commands) {
        Map<String, ReturnRestock> returns = new LinkedHashMap<>();
        commands.forEach(command -> {
            if (command instanceof RestockReturn restock) {
                returns.putIfAbsent(restock.returnId(), restock(restock));
            }
        });
        return List.copyOf(returns.values());
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

    private static ReturnRestock restock(RestockReturn command) {
        return new ReturnRestock(
                command.orderId(),
                command.returnId(),
                command.copies().stream()
                        .map(copies ->
                                new ReturnRestock.ReturnedLine(copies.bookId(), copies.resalable(), copies.damaged()))
                        .toList());
    }

    private static ReservationRequest request(ReserveStock command) {
        return new ReservationRequest(
                command.orderId(),
                command.lines().stream()
                        .map(line -> new ReservationLine(line.bookId(), line.quantity()))
                        .toList());
    }
}
