package bookstore.inventory.reservation.persistence;

import bookstore.inventory.reservation.application.TakenInReturns;
import bookstore.inventory.reservation.domain.ReturnRestock;
import java.util.Collection;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

@Repository
class PostgresTakenInReturns implements TakenInReturns {

    /**
     * One statement for the batch's returns, in return id order so two transactions claiming the same
     * ones wait for each other instead of deadlocking. A return already recorded conflicts and is
     * left out of what the statement returns.
     */
    private static final String CLAIM = """
            INSERT INTO stock_return (return_id, order_id)
            SELECT return_id, order_id
              FROM unnest(CAST(:returnIds AS TEXT[]), CAST(:orderIds AS TEXT[])) AS claimed (return_id, order_id)
             ORDER BY return_id
            ON CONFLICT (return_id) DO NOTHING
            RETURNING return_id
            """;

    private final DatabaseClient database;

    PostgresTakenInReturns(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Flux<String> claim(Collection<ReturnRestock> returns) {
        if (returns.isEmpty()) {
            return Flux.empty();
        }
        return database.sql(CLAIM)
                .bind("returnIds", returns.stream().map(ReturnRestock::returnId).toArray(String[]::new))
                .bind("orderIds", returns.stream().map(ReturnRestock::orderId).toArray(String[]::new))
                .map(row -> row.get("return_id", String.class))
                .all();
    }
}
