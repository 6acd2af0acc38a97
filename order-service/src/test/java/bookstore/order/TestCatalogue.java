package bookstore.order;

import static org.awaitility.Awaitility.await;

import bookstore.events.Money;
import bookstore.events.Topics;
import bookstore.events.catalog.BookAdded;
import bookstore.events.catalog.BookDiscontinued;
import bookstore.events.catalog.BookPriceChanged;
import bookstore.events.catalog.BookUpdated;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;

/** Plays the catalogue: announces books on {@code catalog.books.v1} and waits until order-service knows them. */
public final class TestCatalogue {

    private final SagaTraffic traffic;
    private final DatabaseClient database;

    public TestCatalogue(SagaTraffic traffic, DatabaseClient database) {
        this.traffic = traffic;
        this.database = database;
    }

    /** A new book at a price in fen; returns once order-service can sell it. */
    public String add(String title, long price) {
        String bookId = "book-" + UUID.randomUUID();
        traffic.send(
                Topics.CATALOG_BOOKS,
                new BookAdded(
                        UUID.randomUUID(),
                        Instant.now(),
                        bookId,
                        "9787536692930",
                        title,
                        List.of("Liu Cixin"),
                        new Money(price, "CNY"),
                        10,
                        "Chongqing Publishing House",
                        List.of("Science Fiction")));
        awaitPrice(bookId, price);
        return bookId;
    }

    public void changePrice(String bookId, long previous, long price) {
        traffic.send(
                Topics.CATALOG_BOOKS,
                new BookPriceChanged(
                        UUID.randomUUID(), Instant.now(), bookId, new Money(previous, "CNY"), new Money(price, "CNY")));
        awaitPrice(bookId, price);
    }

    public void retitle(String bookId, String title) {
        traffic.send(
                Topics.CATALOG_BOOKS,
                new BookUpdated(
                        UUID.randomUUID(),
                        Instant.now(),
                        bookId,
                        "9787536692930",
                        title,
                        List.of("Liu Cixin"),
                        "Chongqing Publishing House",
                        List.of("Science Fiction")));
        await().until(() -> title.equals(column(bookId, "title")));
    }

    public void discontinue(String bookId) {
        traffic.send(Topics.CATALOG_BOOKS, new BookDiscontinued(UUID.randomUUID(), Instant.now(), bookId));
        await().until(() -> Boolean.TRUE.equals(column(bookId, "discontinued")));
    }

    private void awaitPrice(String bookId, long price) {
        await().until(() -> Objects.equals(column(bookId, "price_amount"), price));
    }

    private Object column(String bookId, String column) {
        return database.sql("SELECT " + column + " FROM book_price WHERE book_id = :id")
                .bind("id", bookId)
                .map(row -> row.get(0))
                .one()
                .block();
    }
}
