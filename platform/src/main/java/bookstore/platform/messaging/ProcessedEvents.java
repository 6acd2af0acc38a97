package bookstore.platform.messaging;

import java.util.UUID;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Makes consumption idempotent: runs the work for an event only the first time a consumer sees its
 * id, and records that it did in the same transaction as the work, so a redelivered or replayed
 * event changes nothing.
 */
public interface ProcessedEvents {

    Mono<Void> once(String consumer, UUID eventId, Supplier<Mono<Void>> work);
}
