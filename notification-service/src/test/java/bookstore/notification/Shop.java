package bookstore.notification;

import bookstore.events.Money;
import bookstore.events.Topics;
import bookstore.events.catalog.BookAdded;
import bookstore.events.order.OrderLine;
import bookstore.events.order.OrderPlaced;
import bookstore.events.user.ContactChanged;
import bookstore.platform.privacy.CustomerPseudonym;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The other services' side of a test: accounts, books and orders, as their events say them. */
public final class Shop {

    public static final String KEY = "notification-tests-pseudonym-key";

    private final EventSender events;
    private final CustomerPseudonym pseudonyms = new CustomerPseudonym(KEY);

    public Shop(EventSender events) {
        this.events = events;
    }

    public EventSender events() {
        return events;
    }

    /** A new account with its contact published; returns its user id. */
    public Customer customer(String displayName, String language) {
        String userId = UUID.randomUUID().toString();
        String email = "reader-" + userId.substring(0, 8) + "@mail.test";
        events.send(
                Topics.USER_CONTACTS,
                new ContactChanged(UUID.randomUUID(), Instant.now(), userId, email, displayName, language));
        return new Customer(userId, email, displayName, pseudonyms.of(userId));
    }

    /** A customer whose contact is not published yet. */
    public Customer unpublishedCustomer(String displayName) {
        String userId = UUID.randomUUID().toString();
        return new Customer(
                userId, "late-" + userId.substring(0, 8) + "@mail.test", displayName, pseudonyms.of(userId));
    }

    public void publish(Customer customer, String language) {
        events.send(
                Topics.USER_CONTACTS,
                new ContactChanged(
                        UUID.randomUUID(),
                        Instant.now(),
                        customer.userId(),
                        customer.email(),
                        customer.displayName(),
                        language));
    }

    /** A book in the catalogue; returns its id. */
    public String book(String title, long price) {
        String bookId = "book-" + UUID.randomUUID();
        events.send(
                Topics.CATALOG_BOOKS,
                new BookAdded(
                        UUID.randomUUID(),
                        Instant.now(),
                        bookId,
                        "978" + Math.abs(bookId.hashCode()),
                        title,
                        List.of("An Author"),
                        yuan(price),
                        10,
                        null,
                        List.of()));
        return bookId;
    }

    /** An order placed by the customer: two copies of the first book, one of the second. */
    public OrderPlaced placed(
            Customer customer, String firstBook, long firstPrice, String secondBook, long secondPrice) {
        return new OrderPlaced(
                UUID.randomUUID(),
                Instant.now(),
                "order-" + UUID.randomUUID(),
                customer.pseudonym(),
                List.of(new OrderLine(firstBook, 2, yuan(firstPrice)), new OrderLine(secondBook, 1, yuan(secondPrice))),
                yuan(2 * firstPrice + secondPrice));
    }

    public static Money yuan(long fen) {
        return new Money(fen, "CNY");
    }

    public record Customer(String userId, String email, String displayName, String pseudonym) {}
}
