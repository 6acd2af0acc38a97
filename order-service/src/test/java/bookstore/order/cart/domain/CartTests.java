package bookstore.order.cart.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CartTests {

    @Test
    void putSetsTheQuantityAndKeepsABooksPlace() {
        Cart cart = Cart.empty("user-1");

        cart.put("b1", 1);
        cart.put("b2", 3);
        cart.put("b1", 5);

        assertThat(cart.lines()).containsExactly(new CartLine("b1", 5), new CartLine("b2", 3));
    }

    @Test
    void refusesMoreThanTenCopiesOfABookOrNone() {
        Cart cart = Cart.empty("user-1");

        assertThatThrownBy(() -> cart.put("b1", Cart.MAX_QUANTITY + 1)).isInstanceOf(CartLimitExceededException.class);
        assertThatThrownBy(() -> cart.put("b1", 0)).isInstanceOf(CartLimitExceededException.class);
        assertThat(cart.isEmpty()).isTrue();
    }

    @Test
    void refusesAFiftyFirstBookButStillChangesTheFiftyItHolds() {
        Cart cart = Cart.empty("user-1");
        for (int i = 0; i < Cart.MAX_LINES; i++) {
            cart.put("b" + i, 1);
        }

        assertThatThrownBy(() -> cart.put("one-too-many", 1)).isInstanceOf(CartLimitExceededException.class);
        cart.put("b0", 2);

        assertThat(cart.lines()).hasSize(Cart.MAX_LINES).first().isEqualTo(new CartLine("b0", 2));
    }

    @Test
    void removingABookThatIsNotThereChangesNothing() {
        Cart cart = Cart.empty("user-1");
        cart.put("b1", 1);

        cart.remove("b2");
        cart.remove("b1");

        assertThat(cart.isEmpty()).isTrue();
    }
}
