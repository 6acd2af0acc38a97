package bookstore.order.cart.application;

import bookstore.order.cart.domain.Cart;
import bookstore.order.cart.domain.CartLine;
import bookstore.order.pricing.application.PricingBooks;
import bookstore.order.pricing.domain.Money;
import bookstore.order.pricing.domain.PricedBook;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Puts books into a customer's cart, takes them out, and shows the cart priced. */
@Service
public class ChangingCart {

    private final Carts carts;
    private final PricingBooks pricing;
    private final TransactionalOperator transactions;

    ChangingCart(Carts carts, PricingBooks pricing, TransactionalOperator transactions) {
        this.carts = carts;
        this.pricing = pricing;
        this.transactions = transactions;
    }

    /** Sets the quantity of a book the catalogue offers; a second put of the same book replaces it. */
    public Mono<PricedCart> put(String customerId, String bookId, int quantity) {
        Mono<Cart> changed = pricing.orderable(List.of(bookId))
                .then(carts.lock(customerId))
                .flatMap(cart -> {
                    cart.put(bookId, quantity);
                    return carts.save(cart).thenReturn(cart);
                });
        return transactions.transactional(changed).flatMap(this::priced);
    }

    public Mono<PricedCart> remove(String customerId, String bookId) {
        Mono<Cart> changed = carts.lock(customerId).flatMap(cart -> {
            cart.remove(bookId);
            return carts.save(cart).thenReturn(cart);
        });
        return transactions.transactional(changed).flatMap(this::priced);
    }

    public Mono<PricedCart> view(String customerId) {
        return carts.find(customerId).flatMap(this::priced);
    }

    private Mono<PricedCart> priced(Cart cart) {
        List<String> bookIds = cart.lines().stream().map(CartLine::bookId).toList();
        return pricing.describe(bookIds).map(books -> priced(cart, books));
    }

    private PricedCart priced(Cart cart, Map<String, PricedBook> books) {
        Money total = Money.zero(pricing.currency());
        List<PricedCart.Line> lines = new ArrayList<>();
        for (CartLine line : cart.lines()) {
            PricedBook book = books.get(line.bookId());
            boolean orderable = book != null && book.isOrderableIn(pricing.currency());
            String title = book == null ? null : book.title();
            if (orderable) {
                Money lineTotal = book.price().times(line.quantity());
                total = total.plus(lineTotal);
                lines.add(new PricedCart.Line(line.bookId(), title, line.quantity(), book.price(), lineTotal, true));
            } else {
                lines.add(new PricedCart.Line(line.bookId(), title, line.quantity(), null, null, false));
            }
        }
        return new PricedCart(List.copyOf(lines), total);
    }
}
