package bookstore.catalog.review.application;

import java.util.Objects;

/**
 * Who asks, as far as reviews go: a signed-in customer known by their pseudonym (computed from the access token's
 * subject with the same key order-service uses), and whether they are an admin.
 */
public record Reader(String customer, boolean admin) {

    public Reader {
        Objects.requireNonNull(customer, "customer");
    }
}
