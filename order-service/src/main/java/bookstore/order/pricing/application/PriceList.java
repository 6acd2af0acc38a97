package bookstore.order.pricing.application;

import bookstore.order.pricing.domain.Money;
import bookstore.order.pricing.domain.PricedBook;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import reactor.core.publisher.Mono;

/** The local projection of the catalogue's books and prices. */
public interface PriceList {

    /** The books among the given ids that the catalogue has announced, by id. */
    Mono<Map<String, PricedBook>> findAll(Collection<String> bookIds);

    Mono<Void> add(String bookId, String title, Money price, Instant at);

    Mono<Void> changePrice(String bookId, Money price, Instant at);

    Mono<Void> retitle(String bookId, String title, Instant at);

    Mono<Void> discontinue(String bookId, Instant at);
}
