package bookstore.catalog.book.application;

import bookstore.events.order.SalesEvent;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Counts the units sold of each book from order-service's sales facts, which is what the catalogue
 * ranks its bestsellers by, a batch of facts with one write: a SaleRecorded adds its copies, a
 * SaleReturned (copies of a sold line that came back) takes them away again, never below zero. A
 * fact may arrive twice; the book remembers the facts it counted, so each counts once, and a fact
 * about an unknown book changes nothing. The search index follows the same facts on its own (every
 * replica's index reads the sales topic), so storing them here announces nothing.
 */
@Service
public class CountingSales {

    private final Books books;

    CountingSales(Books books) {
        this.books = books;
    }

    public Mono<Void> on(List<? extends SalesEvent> facts) {
        return books.countSales(facts.stream().map(Sale::of).distinct().toList());
    }
}
