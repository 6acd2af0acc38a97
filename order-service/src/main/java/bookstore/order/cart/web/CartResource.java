package bookstore.order.cart.web;

import bookstore.order.cart.application.PricedCart;
import bookstore.order.pricing.domain.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A cart on the wire: its lines at today's prices and what the orderable ones cost together. */
record CartResource(List<Item> items, Money total) {

    static CartResource of(PricedCart cart) {
        return new CartResource(
                cart.lines().stream()
                        .map(line -> new Item(
                                line.bookId(),
                                line.title(),
                                line.quantity(),
                                line.unitPrice(),
                                line.lineTotal(),
                                line.orderable()))
                        .toList(),
                cart.total());
    }

    @Schema(name = "CartItem")
    record Item(String bookId, String title, int quantity, Money unitPrice, Money lineTotal, boolean orderable) {}
}
