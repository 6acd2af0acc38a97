package bookstore.events;

import bookstore.events.catalog.BookEvent;
import bookstore.events.inventory.ReservationEvent;
import bookstore.events.inventory.StockEvent;
import bookstore.events.order.InventoryCommand;
import bookstore.events.order.OrderEvent;
import bookstore.events.order.PaymentCommand;
import bookstore.events.order.SalesEvent;
import bookstore.events.payment.PaymentEvent;
import bookstore.events.user.UserEvent;
import java.util.List;

/**
 * The topic catalogue: every topic the bookstore publishes to, declared once. Services create these
 * topics (and their dead-letter topics) at start-up, and producers and consumers take names and
 * event types from here, never from string literals.
 */
public final class Topics {

    /** Catalogue facts (BookAdded, BookUpdated, BookPriceChanged, BookDiscontinued). */
    public static final Topic<BookEvent> CATALOG_BOOKS = new Topic<>("catalog.books.v1", "bookId", BookEvent.class, 3);

    /** Stock levels per book, for availability and low-stock alerts. */
    public static final Topic<StockEvent> INVENTORY_STOCK =
            new Topic<>("inventory.stock.v1", "bookId", StockEvent.class, 3);

    /** Accounts (UserRegistered), without personal data. */
    public static final Topic<UserEvent> USER_EVENTS = new Topic<>("users.events.v1", "userId", UserEvent.class, 3);

    /** The order lifecycle; a stable contract for analytics. */
    public static final Topic<OrderEvent> ORDER_EVENTS =
            new Topic<>("orders.events.v1", "orderId", OrderEvent.class, 6);

    /** One SaleRecorded per confirmed order line, one SaleReturned per returned one; a stable contract for analytics. */
    public static final Topic<SalesEvent> SALES_EVENTS = new Topic<>("sales.events.v1", "orderId", SalesEvent.class, 6);

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
            ORDER_EVENTS,
            SALES_EVENTS,
            INVENTORY_COMMANDS,
            INVENTORY_RESERVATIONS,
            PAYMENT_COMMANDS,
            PAYMENT_EVENTS);

    private Topics() {}

    public static List<Topic<?>> all() {
        return ALL;
    }
}
