package bookstore.inventory.reservation.application;

import bookstore.inventory.reservation.domain.ReturnRestock;
import java.util.Collection;
import reactor.core.publisher.Flux;

/** The customers' returns inventory took in, each once. */
public interface TakenInReturns {

    /**
     * Records these returns as taken in by the current transaction and emits the ids of those not
     * taken in before. A return that another transaction is taking in waits for it to end, and then
     * counts as taken in if it committed; returns roll back with the transaction.
     */
    Flux<String> claim(Collection<ReturnRestock> returns);
}
