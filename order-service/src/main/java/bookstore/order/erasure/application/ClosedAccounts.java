package bookstore.order.erasure.application;

import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * The ids of closed accounts (table {@code closed_account}), which checkout and cart changes refuse
 * in their own statements.
 */
public interface ClosedAccounts {

    /** Remembers that the account was closed; the first time recorded stays, so a replay changes nothing. */
    Mono<Void> remember(String customerId, Instant closedAt);
}
