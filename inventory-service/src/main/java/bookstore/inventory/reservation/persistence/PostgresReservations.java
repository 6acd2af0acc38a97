package bookstore.inventory.reservation.persistence;

import bookstore.inventory.reservation.application.Reservations;
import bookstore.inventory.reservation.domain.Refusal;
import bookstore.inventory.reservation.domain.Reservation;
import bookstore.inventory.reservation.domain.ReservationLine;
import bookstore.inventory.reservation.domain.ReservationStatus;
import java.util.Collection;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class PostgresReservations implements Reservations {

    /**
     * A row per line (one with null line columns for a reservation without lines), ordered so that a
     * reservation's rows come together; the reservations are locked in order id order.
     */
    private static final String LOCK = """
            SELECT reservation.order_id, status, refusal, short_book_ids, line.book_id, line.quantity
              FROM reservation
              LEFT JOIN reservation_line AS line ON line.order_id = reservation.order_id
             WHERE reservation.order_id = ANY(:orderIds)
             ORDER BY reservation.order_id, line.book_id
               FOR UPDATE OF reservation
            """;

    /**
     * New reservations with their lines, and the new status of changed ones, in one statement. The
     * short books of each refused order travel as (order, book) pairs, as arrays of arrays cannot
     * have rows of different lengths.
     */
    private static final String SAVE = """
            WITH added AS (
                INSERT INTO reservation (order_id, status, refusal, short_book_ids)
                SELECT added.order_id, added.status, added.refusal,
                       ARRAY(SELECT short.book_id
                               FROM unnest(CAST(:shortOrderIds AS TEXT[]), CAST(:shortBookIds AS TEXT[]))
                                    WITH ORDINALITY AS short (order_id, book_id, position)
                              WHERE short.order_id = added.order_id
                              ORDER BY short.position)
                  FROM unnest(CAST(:addedOrderIds AS TEXT[]), CAST(:addedStatuses AS TEXT[]),
                              CAST(:addedRefusals AS TEXT[]))
                       AS added (order_id, status, refusal)
            ), added_lines AS (
                INSERT INTO reservation_line (order_id, book_id, quantity)
                SELECT order_id, book_id, quantity
                  FROM unnest(CAST(:lineOrderIds AS TEXT[]), CAST(:lineBookIds AS TEXT[]),
                              CAST(:lineQuantities AS INTEGER[]))
                       AS line (order_id, book_id, quantity)
            )
            UPDATE reservation
               SET status = changed.status, refusal = changed.refusal, updated_at = now()
              FROM unnest(CAST(:changedOrderIds AS TEXT[]), CAST(:changedStatuses AS TEXT[]),
                          CAST(:changedRefusals AS TEXT[]))
                   AS changed (order_id, status, refusal)
             WHERE reservation.order_id = changed.order_id
            """;

    private final DatabaseClient database;

    PostgresReservations(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Flux<Reservation> lockAll(Collection<String> orderIds) {
        if (orderIds.isEmpty()) {
            return Flux.empty();
        }
        return database.sql(LOCK)
                .bind("orderIds", orderIds.toArray(String[]::new))
                .map(row -> new StoredRow(
                        row.get("order_id", String.class),
                        ReservationStatus.valueOf(row.get("status", String.class)),
                        row.get("refusal", String.class),
                        row.get("short_book_ids", String[].class),
                        row.get("book_id", String.class),
                        row.get("quantity", Integer.class)))
                .all()
                .bufferUntilChanged(StoredRow::orderId)
                .map(PostgresReservations::reservation);
    }

    @Override
    public Mono<Void> save(List<Reservation> added, List<Reservation> changed) {
        if (added.isEmpty() && changed.isEmpty()) {
            return Mono.empty();
        }
        List<OrderBook> shortBooks = added.stream()
                .flatMap(reservation ->
                        reservation.shortBookIds().stream().map(book -> new OrderBook(reservation.orderId(), book)))
                .toList();
        List<OrderLine> lines = added.stream()
                .flatMap(reservation ->
                        reservation.lines().stream().map(line -> new OrderLine(reservation.orderId(), line)))
                .toList();
        return database.sql(SAVE)
                .bind("addedOrderIds", added.stream().map(Reservation::orderId).toArray(String[]::new))
                .bind(
                        "addedStatuses",
                        added.stream()
                                .map(reservation -> reservation.status().name())
                                .toArray(String[]::new))
                .bind(
                        "addedRefusals",
                        added.stream()
                                .map(reservation -> reservation.refusal() == null
                                        ? null
                                        : reservation.refusal().name())
                                .toArray(String[]::new))
                .bind(
                        "shortOrderIds",
                        shortBooks.stream().map(OrderBook::orderId).toArray(String[]::new))
                .bind("shortBookIds", shortBooks.stream().map(OrderBook::bookId).toArray(String[]::new))
                .bind("lineOrderIds", lines.stream().map(OrderLine::orderId).toArray(String[]::new))
                .bind(
                        "lineBookIds",
                        lines.stream().map(line -> line.line().bookId()).toArray(String[]::new))
                .bind(
                        "lineQuantities",
                        lines.stream().map(line -> line.line().quantity()).toArray(Integer[]::new))
                .bind(
                        "changedOrderIds",
                        changed.stream().map(Reservation::orderId).toArray(String[]::new))
                .bind(
                        "changedStatuses",
                        changed.stream()
                                .map(reservation -> reservation.status().name())
                                .toArray(String[]::new))
                .bind(
                        "changedRefusals",
                        changed.stream()
                                .map(reservation -> reservation.refusal() == null
                                        ? null
                                        : reservation.refusal().name())
                                .toArray(String[]::new))
                .then();
    }

    private static Reservation reservation(List<StoredRow> rows) {
        StoredRow first = rows.getFirst();
        List<ReservationLine> lines = rows.stream()
                .filter(row -> row.bookId() != null)
                .map(row -> new ReservationLine(row.bookId(), row.quantity()))
                .toList();
        return new Reservation(
                first.orderId(),
                first.status(),
                lines,
                first.refusal() == null ? null : Refusal.valueOf(first.refusal()),
                first.shortBookIds() == null ? List.of() : List.of(first.shortBookIds()));
    }

    private record OrderBook(String orderId, String bookId) {}

    private record OrderLine(String orderId, ReservationLine line) {}

    /** A reservation with one of its lines, or with none. */
    private record StoredRow(
            String orderId,
            ReservationStatus status,
            String refusal,
            String[] shortBookIds,
            String bookId,
            Integer quantity) {}
}
