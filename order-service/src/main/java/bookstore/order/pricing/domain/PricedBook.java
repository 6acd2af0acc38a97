package bookstore.order.pricing.domain;

import java.util.Objects;

/**
 * What order-service knows about a book from the catalogue's events: enough to show it in a cart
 * and to price an order line. The catalogue owns the book; this is a read model of it.
 *
 * @param title for display; the catalogue may not have told it yet (a price change seen first)
 * @param price the current selling price, or null while the catalogue has not announced one
 */
public record PricedBook(String bookId, String title, Money price, boolean discontinued) {

    public PricedBook {
        Objects.requireNonNull(bookId, "bookId");
    }

    /**
     * Whether a customer may put the book in a cart or an order, in the shop's currency. A book
     * without a positive price is not for sale: there would be nothing to charge.
     */
    public boolean isOrderableIn(String currency) {
        return !discontinued
                && price != null
                && price.amount() > 0
                && price.currency().equals(currency);
    }
}
