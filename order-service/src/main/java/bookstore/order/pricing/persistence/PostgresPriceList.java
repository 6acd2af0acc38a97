package bookstore.order.pricing.persistence;

import bookstore.order.pricing.application.PriceList;
import bookstore.order.pricing.domain.Money;
import bookstore.order.pricing.domain.PricedBook;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The price list in table {@code book_price}. Every write is an upsert: a book the projection has
 * not seen yet (its BookAdded expired from the topic, say) is recorded from whatever event comes.
 */
@Repository
class PostgresPriceList implements PriceList {

    private final DatabaseClient database;

    PostgresPriceList(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Map<String, PricedBook>> findAll(Collection<String> bookIds) {
        if (bookIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return database.sql("""
                        SELECT book_id, title, price_amount, price_currency, discontinued
                        FROM book_price WHERE book_id = ANY(:ids)
                        """)
                .bind("ids", bookIds.toArray(String[]::new))
                .map(PostgresPriceList::book)
                .all()
                .collectMap(PricedBook::bookId, Function.identity());
    }

    @Override
    public Mono<Void> add(String bookId, String title, Money price, Instant at) {
        return database.sql("""
                        INSERT INTO book_price (book_id, title, price_amount, price_currency, discontinued, updated_at)
                        VALUES (:id, :title, :amount, :currency, false, :at)
                        ON CONFLICT (book_id) DO UPDATE SET title = excluded.title,
                            price_amount = excluded.price_amount, price_currency = excluded.price_currency,
                            updated_at = excluded.updated_at
                        """)
                .bind("id", bookId)
                .bind("title", Parameter.fromOrEmpty(title, String.class))
                .bind("amount", price.amount())
                .bind("currency", price.currency())
                .bind("at", at)
                .then();
    }

    @Override
    public Mono<Void> changePrice(String bookId, Money price, Instant at) {
        return database.sql("""
                        INSERT INTO book_price (book_id, price_amount, price_currency, discontinued, updated_at)
                        VALUES (:id, :amount, :currency, false, :at)
                        ON CONFLICT (book_id) DO UPDATE SET price_amount = excluded.price_amount,
                            price_currency = excluded.price_currency, updated_at = excluded.updated_at
                        """)
                .bind("id", bookId)
                .bind("amount", price.amount())
                .bind("currency", price.currency())
                .bind("at", at)
                .then();
    }

    @Override
    public Mono<Void> retitle(String bookId, String title, Instant at) {
        return database.sql("""
                        INSERT INTO book_price (book_id, title, discontinued, updated_at) VALUES (:id, :title, false, :at)
                        ON CONFLICT (book_id) DO UPDATE SET title = excluded.title, updated_at = excluded.updated_at
                        """)
                .bind("id", bookId)
                .bind("title", Parameter.fromOrEmpty(title, String.class))
                .bind("at", at)
                .then();
    }

    @Override
    public Mono<Void> discontinue(String bookId, Instant at) {
        return database.sql("""
                        INSERT INTO book_price (book_id, discontinued, updated_at) VALUES (:id, true, :at)
                        ON CONFLICT (book_id) DO UPDATE SET discontinued = true, updated_at = excluded.updated_at
                        """).bind("id", bookId).bind("at", at).then();
    }

    private static PricedBook book(Readable row) {
        Long amount = row.get("price_amount", Long.class);
        Money price = amount == null ? null : new Money(amount, row.get("price_currency", String.class));
        return new PricedBook(
                row.get("book_id", String.class),
                row.get("title", String.class),
                price,
                Boolean.TRUE.equals(row.get("discontinued", Boolean.class)));
    }
}
