package bookstore.events;

import bookstore.events.Topic.Retention;
import bookstore.events.analytics.ImportedSalesEvent;
import bookstore.events.analytics.RecommendationEvent;
import bookstore.events.catalog.BookEvent;
import bookstore.events.inventory.ReservationEvent;
import bookstore.events.inventory.StockEvent;
import bookstore.events.order.InventoryCommand;
import bookstore.events.order.OrderEvent;
import bookstore.events.order.PaymentCommand;
import bookstore.events.order.SalesEvent;
import bookstore.events.payment.PaymentEvent;
import bookstore.events.user.AccountMailEvent;
import bookstore.events.user.ContactEvent;
import bookstore.events.user.UserEvent;
import java.util.List;

/**
 * The topic catalogue: every topic the bookstore publishes to, declared once. Services create these
 * topics (and their dead-letter topics) at start-up, and producers and consumers take names and
 * event types from here, never from string literals.
 */
public final class Topics {

    /** Catalogue facts (BookAdded, BookUpdated, BookPriceChanged, BookDiscontinued); kept for good. */
    public static final Topic<BookEvent> CATALOG_BOOKS =
            new Topic<>("catalog.books.v1", "bookId", BookEvent.class, 3, Retention.FOREVER);

    /** Stock levels per book, for availability and low-stock alerts; compacted to each book's latest record. */
    public static final Topic<StockEvent> INVENTORY_STOCK =
            new Topic<>("inventory.stock.v1", "bookId", StockEvent.class, 3, Retention.COMPACTED);

    /** Accounts (UserRegistered, AccountClosed), without personal data; kept for good. */
    public static final Topic<UserEvent> USER_EVENTS =
            new Topic<>("users.events.v1", "userId", UserEvent.class, 3, Retention.FOREVER);

    /**
     * How to reach each account's person (address, name, language): personal data, compacted so that an erased
     * account leaves only its ContactErased; read by notification-service alone.
     */
    public static final Topic<ContactEvent> USER_CONTACTS =
            new Topic<>("users.contacts.v1", "userId", ContactEvent.class, 3, Retention.PERSONAL);

    /** Mail about the account (verification, password reset, password changed) that user-service asks for; a day. */
    public static final Topic<AccountMailEvent> ACCOUNT_MAIL =
            new Topic<>("users.mail.v1", "userId", AccountMailEvent.class, 3, Retention.A_DAY);

    /** The order lifecycle; a stable contract for analytics, kept for good so analytics can rebuild from it. */
    public static final Topic<OrderEvent> ORDER_EVENTS =
            new Topic<>("orders.events.v1", "orderId", OrderEvent.class, 6, Retention.FOREVER);

    /**
     * One SaleRecorded per confirmed order line, one SaleReturned per returned one; a stable contract for analytics,
     * kept for good.
     */
    public static final Topic<SalesEvent> SALES_EVENTS =
            new Topic<>("sales.events.v1", "orderId", SalesEvent.class, 6, Retention.FOREVER);

    /** Past sales an admin imported from the system before this one (analytics-service publishes); kept for good. */
    public static final Topic<ImportedSalesEvent> SALES_IMPORTS =
            new Topic<>("sales.imports.v1", "orderId", ImportedSalesEvent.class, 6, Retention.FOREVER);

    /**
     * What analytics recommends, one record per subject (a book, a customer pseudonym, a category), compacted to the
     * latest; the catalogue serves it.
     */
    public static final Topic<RecommendationEvent> RECOMMENDATIONS =
            new Topic<>("analytics.recommendations.v1", "subject", RecommendationEvent.class, 3, Retention.COMPACTED);

    /** Saga: order-service asks inventory to reserve, release or commit an order's stock. */
    public static final Topic<InventoryCommand> INVENTORY_COMMANDS =
            new Topic<>("inventory.commands.v1", "orderId", InventoryCommand.class, 6);

    /** Saga: inventory's answers. */
    public static final Topic<ReservationEvent> INVENTORY_RESERVATIONS =
            new Topic<>("inventory.reservations.v1", "orderId", ReservationEvent.class, 6);

    /** Saga: order-service asks payment to charge or refund an order. */
    public static final Topic<PaymentCommand> PAYMENT_COMMANDS =
            new Topic<>("payments.commands.v1", "orderId", PaymentCommand.class, 6);

    /** Saga: payment outcomes. */
    public static final Topic<PaymentEvent> PAYMENT_EVENTS =
            new Topic<>("payments.events.v1", "orderId", PaymentEvent.class, 6);

    private static final List<Topic<?>> ALL = List.of(
            CATALOG_BOOKS,
            INVENTORY_STOCK,
            USER_EVENTS,
            USER_CONTACTS,
            ACCOUNT_MAIL,
            ORDER_EVENTS,
            SALES_EVENTS,
            SALES_IMPORTS,
            RECOMMENDATIONS,
            INVENTORY_COMMANDS,
            INVENTORY_RESERVATIONS,
            PAYMENT_COMMANDS,
            PAYMENT_EVENTS);

    private Topics() {}

    public static List<Topic<?>> all() {
        return ALL;
    }
}
