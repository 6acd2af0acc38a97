package bookstore.order.cart.web;

import bookstore.order.cart.application.ChangingCart;
import bookstore.order.cart.domain.Cart;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/** The signed-in customer's cart; nobody reaches another customer's cart, there is no id to ask for. */
@RestController
@RequestMapping("/api/cart")
@Tag(name = "cart", description = "The customer's cart")
class CartController {

    private static final String BOOK_ID = "[A-Za-z0-9_-]{1,64}";

    private final ChangingCart carts;

    CartController(ChangingCart carts) {
        this.carts = carts;
    }

    @GetMapping
    Mono<CartResource> cart(@AuthenticationPrincipal Jwt customer) {
        return carts.view(customer.getSubject()).map(CartResource::of);
    }

    @PutMapping("/items/{bookId}")
    Mono<CartResource> put(
            @AuthenticationPrincipal Jwt customer,
            @PathVariable String bookId,
            @RequestBody @Valid CartItemRequest request) {
        return carts.put(customer.getSubject(), checked(bookId), request.quantity())
                .map(CartResource::of);
    }

    @DeleteMapping("/items/{bookId}")
    Mono<CartResource> remove(@AuthenticationPrincipal Jwt customer, @PathVariable String bookId) {
        return carts.remove(customer.getSubject(), checked(bookId)).map(CartResource::of);
    }

    /**
     * Checked here rather than with a constraint on the parameter: that would validate the whole
     * method at once and report the body's invalid fields under the parameter's name.
     */
    private static String checked(String bookId) {
        if (!bookId.matches(BOOK_ID)) {
            throw new ServerWebInputException("'" + bookId + "' is not a book id.");
        }
        return bookId;
    }

    record CartItemRequest(
            @NotNull @Min(1) @Max(Cart.MAX_QUANTITY) Integer quantity) {}
}
