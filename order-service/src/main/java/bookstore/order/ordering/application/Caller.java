package bookstore.order.ordering.application;

import bookstore.order.ordering.domain.Order;
import java.util.Objects;

/**
 * Who is asking: a customer sees and changes only their own orders; an admin sees all of them.
 *
 * @param userId the account id from the caller's token
 */
public record Caller(String userId, boolean admin) {

    public Caller {
        Objects.requireNonNull(userId, "userId");
    }

    boolean mayAccess(Order order) {
        return admin || order.isOwnedBy(userId);
    }
}
