package bookstore.inventory.reservation.persistence;

import bookstore.inventory.reservation.application.Reservations;
import bookstore.inventory.reservation.domain.Refusal;
import bookstore.inventory.reservation.domain.Reservation;
import bookstore.inventory.reservation.domain.ReservationLine;
import bookstore.inventory.reservation.domain.ReservationStatus;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
class PostgresReservations implements Reservations {

    private final DatabaseClient database;

    PostgresReservations(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Reservation> lock(String orderId) {
        Mono<List<ReservationLine>> lines = database.sql(
                        "SELECT book_id, quantity FROM reservation_line WHERE order_id = :orderId ORDER BY book_id")
                .bind("orderId", orderId)
                .map(row -> new ReservationLine(row.get("book_id", String.class), row.get("quantity", Integer.class)))
                .all()
                .collectList();
        return database.sql("""
                        SELECT status, refusal, short_book_ids FROM reservation WHERE order_id = :orderId FOR UPDATE
                        """)
                .bind("orderId", orderId)
                .map(row -> new StoredReservation(
                        ReservationStatus.valueOf(row.get("status", String.class)),
                        row.get("refusal", String.class),
                        row.get("short_book_ids", String[].class)))
                .one()
                .flatMap(stored -> lines.map(known -> stored.toReservation(orderId, known)));
    }

    @Override
    public Mono<Void> add(Reservation reservation) {
        var insert = database.sql("""
                        INSERT INTO reservation (order_id, status, refusal, short_book_ids)
                        VALUES (:orderId, :status, :refusal, :shortBookIds)
                        """)
                .bind("orderId", reservation.orderId())
                .bind("status", reservation.status().name())
                .bind("shortBookIds", reservation.shortBookIds().toArray(String[]::new));
        insert = reservation.refusal() == null
                ? insert.bindNull("refusal", String.class)
                : insert.bind("refusal", reservation.refusal().name());
        Mono<Void> lines = reservation.lines().isEmpty()
                ? Mono.empty()
                : database.sql("""
                                INSERT INTO reservation_line (order_id, book_id, quantity)
                                SELECT :orderId, line.book_id, line.quantity
                                  FROM unnest(CAST(:bookIds AS TEXT[]), CAST(:quantities AS INTEGER[]))
                                       AS line (book_id, quantity)
                                """)
                        .bind("orderId", reservation.orderId())
                        .bind(
                                "bookIds",
                                reservation.lines().stream()
                                        .map(ReservationLine::bookId)
                                        .toArray(String[]::new))
                        .bind(
                                "quantities",
                                reservation.lines().stream()
                                        .map(ReservationLine::quantity)
                                        .toArray(Integer[]::new))
                        .then();
        return insert.then().then(lines);
    }

    @Override
    public Mono<Void> changeStatus(Reservation reservation) {
        return database.sql("UPDATE reservation SET status = :status, updated_at = now() WHERE order_id = :orderId")
                .bind("orderId", reservation.orderId())
                .bind("status", reservation.status().name())
                .then();
    }

    private record StoredReservation(ReservationStatus status, String refusal, String[] shortBookIds) {

        Reservation toReservation(String orderId, List<ReservationLine> lines) {
            return new Reservation(
                    orderId,
                    status,
                    lines,
                    refusal == null ? null : Refusal.valueOf(refusal),
                    shortBookIds == null ? List.of() : List.of(shortBookIds));
        }
    }
}
