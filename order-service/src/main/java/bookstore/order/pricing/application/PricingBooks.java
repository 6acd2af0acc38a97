package bookstore.order.pricing.application;

import bookstore.order.pricing.domain.PricedBook;
import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Prices books for carts and orders from the local price list, in the shop's currency. */
@Service
public class PricingBooks {

    private final PriceList prices;
    private final String currency;

    PricingBooks(PriceList prices, PricingProperties properties) {
        this.prices = prices;
        this.currency = properties.currency();
    }

    public String currency() {
        return currency;
    }

    /** The books as the catalogue last described them; books it never announced are missing. */
    public Mono<Map<String, PricedBook>> describe(Collection<String> bookIds) {
        return prices.findAll(bookIds);
    }

    /** The books, if every one of them can be ordered now; otherwise a {@link BookNotOrderableException}. */
    public Mono<Map<String, PricedBook>> orderable(Collection<String> bookIds) {
        return prices.findAll(bookIds).flatMap(books -> {
            for (String bookId : bookIds) {
                PricedBook book = books.get(bookId);
                if (book == null) {
                    return Mono.error(
                            new BookNotOrderableException(bookId, "Book " + bookId + " is not in the catalogue."));
                }
                if (book.discontinued()) {
                    return Mono.error(new BookNotOrderableException(bookId, "Book " + bookId + " is no longer sold."));
                }
                if (!book.isOrderableIn(currency)) {
                    return Mono.error(new BookNotOrderableException(
                            bookId, "Book " + bookId + " has no price in " + currency + "."));
                }
            }
            return Mono.just(books);
        });
    }
}
