package bookstore.order.ordering.application;

import java.util.Objects;

/**
 * The client's name for one checkout attempt, and a digest of what it asked for: a retry with the
 * same key gets the same order, the same key with a different request is refused.
 */
public record IdempotencyKey(String value, String requestFingerprint) {

    public IdempotencyKey {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(requestFingerprint, "requestFingerprint");
    }
}
