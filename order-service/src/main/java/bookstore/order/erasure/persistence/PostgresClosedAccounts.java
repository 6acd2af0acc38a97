package bookstore.order.erasure.persistence;

import bookstore.order.erasure.application.ClosedAccounts;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Closed accounts in table {@code closed_account}, one row each. */
@Repository
class PostgresClosedAccounts implements ClosedAccounts {

    private final DatabaseClient database;

    PostgresClosedAccounts(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> remember(String customerId, Instant closedAt) {
        return database.sql("""
                        INSERT INTO closed_account (customer_id, closed_at) VALUES (:customer, :closedAt)
                        ON CONFLICT (customer_id) DO NOTHING
                        """)
                .bind("customer", customerId)
                .bind("closedAt", closedAt)
                .then();
    }
}
