package bookstore.catalog.book.application;

import bookstore.events.order.SaleRecorded;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Counts the units sold of each book from order-service's sales facts, which is what the catalogue
 * ranks its bestsellers by, a batch of facts with one write. A fact may arrive twice; the book
 * remembers the sales it counted, so each sale counts once, and a fact about an unknown book changes
 * nothing. The search index follows the same facts on its own (every replica's index reads the
 * sales topic), so storing them here announces nothing.
 */
@Service
public class CountingSales {

    private final Books books;

    CountingSales(Books books) {
        this.books = books;
    }

    public Mono<Void> on(List<SaleRecorded> sales) {
        return books.countSales(sales.stream().map(Sale::of).distinct().toList());
    }
}
