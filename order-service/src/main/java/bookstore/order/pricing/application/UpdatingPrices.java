package bookstore.order.pricing.application;

import bookstore.events.catalog.BookAdded;
import bookstore.events.catalog.BookDiscontinued;
import bookstore.events.catalog.BookEvent;
import bookstore.events.catalog.BookPriceChanged;
import bookstore.events.catalog.BookUpdated;
import bookstore.order.pricing.domain.Money;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Keeps the price list in step with the catalogue. Events of one book arrive in order (they share
 * the book id as key), so each simply overwrites what the previous one said.
 */
@Service
public class UpdatingPrices {

    private final PriceList prices;

    UpdatingPrices(PriceList prices) {
        this.prices = prices;
    }

    public Mono<Void> apply(BookEvent event) {
        return switch (event) {
            case BookAdded added -> prices.add(added.bookId(), added.title(), money(added.price()), added.occurredAt());
            case BookPriceChanged changed ->
                prices.changePrice(changed.bookId(), money(changed.price()), changed.occurredAt());
            case BookUpdated updated -> prices.retitle(updated.bookId(), updated.title(), updated.occurredAt());
            case BookDiscontinued discontinued -> prices.discontinue(discontinued.bookId(), discontinued.occurredAt());
        };
    }

    private static Money money(bookstore.events.Money price) {
        return price == null ? null : new Money(price.amount(), price.currency());
    }
}
