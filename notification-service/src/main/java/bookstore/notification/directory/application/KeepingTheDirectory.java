package bookstore.notification.directory.application;

import bookstore.events.catalog.BookAdded;
import bookstore.events.catalog.BookDiscontinued;
import bookstore.events.catalog.BookEvent;
import bookstore.events.catalog.BookPriceChanged;
import bookstore.events.catalog.BookUpdated;
import bookstore.events.order.OrderPlaced;
import bookstore.events.user.ContactChanged;
import bookstore.platform.privacy.CustomerPseudonym;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Learns contacts, orders and titles from the topics that carry them. */
@Service
public class KeepingTheDirectory {

    private final Directory directory;
    private final CustomerPseudonym pseudonyms;

    KeepingTheDirectory(Directory directory, CustomerPseudonym pseudonyms) {
        this.directory = directory;
        this.pseudonyms = pseudonyms;
    }

    /**
     * The account's contact, under the pseudonym order events will name its person by (the same HMAC order-service
     * computes, docs/adr/0019).
     */
    public Mono<Void> on(ContactChanged changed) {
        Contact contact = new Contact(
                changed.userId(),
                pseudonyms.of(changed.userId()),
                changed.email(),
                changed.displayName(),
                changed.language());
        return directory.keep(contact, changed.occurredAt());
    }

    public Mono<Void> on(OrderPlaced placed) {
        var lines = placed.lines().stream()
                .map(line -> new OrderSummary.Line(
                        line.bookId(), line.quantity(), line.unitPrice().amount()))
                .toList();
        return directory.keep(new OrderSummary(
                placed.orderId(),
                placed.customer(),
                lines,
                placed.total().amount(),
                placed.total().currency()));
    }

    public Mono<Void> on(BookEvent event) {
        return switch (event) {
            case BookAdded added -> directory.keepTitle(added.bookId(), added.title(), added.occurredAt());
            case BookUpdated updated -> directory.keepTitle(updated.bookId(), updated.title(), updated.occurredAt());
            // Prices and discontinuations change no title.
            case BookPriceChanged ignored -> Mono.empty();
            case BookDiscontinued ignored -> Mono.empty();
        };
    }
}
