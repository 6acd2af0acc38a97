package bookstore.order.cart.persistence;

import bookstore.order.cart.application.Carts;
import bookstore.order.cart.domain.Cart;
import bookstore.order.cart.domain.CartLine;
import bookstore.order.erasure.domain.AccountClosedException;
import java.time.Clock;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Carts in tables {@code cart} (one row per customer, which is what gets locked) and {@code
 * cart_item} (its lines, with their position).
 */
@Repository
class PostgresCarts implements Carts {

    private final DatabaseClient database;
    private final Clock clock;

    PostgresCarts(DatabaseClient database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Mono<Cart> lock(String customerId) {
        // The upsert takes the row lock even for a customer's first cart, which a SELECT … FOR UPDATE
        // of a missing row would not. A closed account's id (closed_account's primary key) makes it
        // write nothing, so the refusal costs no statement of its own.
        return database.sql("""
                        INSERT INTO cart (customer_id, updated_at)
                        SELECT :customer, :now
                         WHERE NOT EXISTS (SELECT 1 FROM closed_account WHERE customer_id = :customer)
                        ON CONFLICT (customer_id) DO UPDATE SET updated_at = excluded.updated_at
                        """)
                .bind("customer", customerId)
                .bind("now", clock.instant())
                .fetch()
                .rowsUpdated()
                .flatMap(locked -> locked > 0 ? find(customerId) : Mono.error(new AccountClosedException()));
    }

    @Override
    public Mono<Cart> find(String customerId) {
        return database.sql("SELECT book_id, quantity FROM cart_item WHERE customer_id = :customer ORDER BY position")
                .bind("customer", customerId)
                .map(row -> new CartLine(row.get("book_id", String.class), row.get("quantity", Integer.class)))
                .all()
                .collectList()
                .map(lines -> new Cart(customerId, lines));
    }

    @Override
    public Mono<Void> delete(String customerId) {
        return database.sql("DELETE FROM cart_item WHERE customer_id = :customer")
                .bind("customer", customerId)
                .then()
                .then(database.sql("DELETE FROM cart WHERE customer_id = :customer")
                        .bind("customer", customerId)
                        .then());
    }

    @Override
    public Mono<Void> save(Cart cart) {
        List<CartLine> lines = cart.lines();
        Mono<Void> deleteAll = database.sql("DELETE FROM cart_item WHERE customer_id = :customer")
                .bind("customer", cart.customerId())
                .then();
        if (lines.isEmpty()) {
            return deleteAll;
        }
        Integer[] positions = new Integer[lines.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i;
        }
        return deleteAll.then(database.sql("""
                        INSERT INTO cart_item (customer_id, book_id, quantity, position)
                        SELECT :customer, line.book_id, line.quantity, line.position
                        FROM unnest(CAST(:bookIds AS text[]), CAST(:quantities AS int[]), CAST(:positions AS int[]))
                            AS line (book_id, quantity, position)
                        """)
                .bind("customer", cart.customerId())
                .bind("bookIds", lines.stream().map(CartLine::bookId).toArray(String[]::new))
                .bind("quantities", lines.stream().map(CartLine::quantity).toArray(Integer[]::new))
                .bind("positions", positions)
                .then());
    }
}
