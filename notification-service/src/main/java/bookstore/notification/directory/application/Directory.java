package bookstore.notification.directory.application;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * What the service knows from other services' topics to address and word its mails: how to reach each account's
 * person (by the pseudonym order events carry), each order's lines and total, each book's title.
 */
public interface Directory {

    /** Keeps the contact as it is now, unless an equally recent or newer one is already kept. */
    Mono<Void> keep(Contact contact, Instant changedAt);

    /** Forgets the account's contact, and refuses its records from before {@code erasedAt} from now on. */
    Mono<Void> forget(String userId, Instant erasedAt);

    /** The contact of the customer an order event names by pseudonym. */
    Mono<Contact> contactOf(String pseudonym);

    /** Keeps an order as it was placed; a repeat changes nothing. */
    Mono<Void> keep(OrderSummary order);

    Mono<OrderSummary> order(String orderId);

    /** Keeps a book's title, unless a newer one is already kept. */
    Mono<Void> keepTitle(String bookId, String title, Instant changedAt);

    /** The titles known of these books, by book id. */
    Mono<Map<String, String>> titles(Collection<String> bookIds);
}
