package bookstore.notification.directory.persistence;

import bookstore.notification.directory.application.Contact;
import bookstore.notification.directory.application.Directory;
import bookstore.notification.directory.application.OrderSummary;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The directory in PostgreSQL: tables {@code contact}, {@code order_summary}, {@code book_title}. */
@Repository
class PostgresDirectory implements Directory {

    private static final TypeReference<List<OrderSummary.Line>> LINES = new TypeReference<>() {};

    private final DatabaseClient database;
    private final JsonMapper json = JsonMapper.builder().build();

    PostgresDirectory(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> keep(Contact contact, Instant changedAt) {
        // A redelivered older record does not win over a newer one, and no record from before an erasure brings the
        // person back (a replay of the topic before compaction removed it).
        return database.sql("""
                        INSERT INTO contact (user_id, pseudonym, email, display_name, language, changed_at)
                        SELECT :userId, :pseudonym, :email, :name, :language, :changedAt
                         WHERE NOT EXISTS (SELECT 1 FROM contact_erasure
                                            WHERE user_id = :userId AND erased_at >= :changedAt)
                        ON CONFLICT (user_id) DO UPDATE
                           SET email = excluded.email, display_name = excluded.display_name,
                               language = excluded.language, changed_at = excluded.changed_at
                         WHERE contact.changed_at <= excluded.changed_at
                        """)
                .bind("userId", contact.userId())
                .bind("pseudonym", contact.pseudonym())
                .bind("email", contact.email())
                .bind("name", contact.displayName())
                .bind("language", contact.language())
                .bind("changedAt", changedAt)
                .then();
    }

    @Override
    public Mono<Void> forget(String userId, Instant erasedAt) {
        return database.sql("DELETE FROM contact WHERE user_id = :userId")
                .bind("userId", userId)
                .then()
                .then(database.sql("""
                                INSERT INTO contact_erasure (user_id, erased_at) VALUES (:userId, :erasedAt)
                                ON CONFLICT (user_id) DO UPDATE SET erased_at = greatest(contact_erasure.erased_at,
                                                                                         excluded.erased_at)
                                """)
                        .bind("userId", userId)
                        .bind("erasedAt", erasedAt)
                        .then());
    }

    @Override
    public Mono<Contact> contactOf(String pseudonym) {
        return database.sql(
                        "SELECT user_id, pseudonym, email, display_name, language FROM contact WHERE pseudonym = :p")
                .bind("p", pseudonym)
                .map(row -> new Contact(
                        row.get("user_id", String.class),
                        row.get("pseudonym", String.class),
                        row.get("email", String.class),
                        row.get("display_name", String.class),
                        row.get("language", String.class)))
                .one();
    }

    @Override
    public Mono<Void> keep(OrderSummary order) {
        var statement = database.sql("""
                        INSERT INTO order_summary (order_id, customer, lines, total_amount, currency)
                        VALUES (:orderId, :customer, :lines, :total, :currency)
                        ON CONFLICT (order_id) DO NOTHING
                        """)
                .bind("orderId", order.orderId())
                .bind("lines", json.writeValueAsString(order.lines()))
                .bind("total", order.totalAmount())
                .bind("currency", order.currency());
        statement = order.customer() == null
                ? statement.bindNull("customer", String.class)
                : statement.bind("customer", order.customer());
        return statement.then();
    }

    @Override
    public Mono<OrderSummary> order(String orderId) {
        return database.sql(
                        "SELECT order_id, customer, lines, total_amount, currency FROM order_summary WHERE order_id = :id")
                .bind("id", orderId)
                .map(row -> new OrderSummary(
                        row.get("order_id", String.class),
                        row.get("customer", String.class),
                        json.readValue(row.get("lines", String.class), LINES),
                        row.get("total_amount", Long.class),
                        row.get("currency", String.class)))
                .one();
    }

    @Override
    public Mono<Void> keepTitle(String bookId, String title, Instant changedAt) {
        if (title == null) {
            return Mono.empty();
        }
        return database.sql("""
                        INSERT INTO book_title (book_id, title, changed_at) VALUES (:bookId, :title, :changedAt)
                        ON CONFLICT (book_id) DO UPDATE SET title = excluded.title, changed_at = excluded.changed_at
                         WHERE book_title.changed_at <= excluded.changed_at
                        """)
                .bind("bookId", bookId)
                .bind("title", title)
                .bind("changedAt", changedAt)
                .then();
    }

    @Override
    public Mono<Map<String, String>> titles(Collection<String> bookIds) {
        if (bookIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return database.sql("SELECT book_id, title FROM book_title WHERE book_id = ANY(CAST(:ids AS TEXT[]))")
                .bind("ids", bookIds.toArray(String[]::new))
                .map(row -> Map.entry(row.get("book_id", String.class), row.get("title", String.class)))
                .all()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
