package bookstore.platform.messaging;

import bookstore.events.IntegrationEvent;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Makes consumption idempotent where the state has no natural key to tell a repeat: runs the work for
 * the events of a batch a consumer has not seen before, and records that it did in the same
 * transaction as the work, so a redelivered or replayed event changes nothing.
 */
public interface ProcessedEvents {

    /**
     * Hands {@code work} the events of {@code batch} that {@code consumer} has not handled before (each
     * event id once, in the batch's order), inside one transaction that also records them.
     */
    <E extends IntegrationEvent> Mono<Void> once(
            String consumer, List<Delivered<E>> batch, Function<List<Delivered<E>>, Mono<Void>> work);

    /** Whether {@code consumer} has handled the event (as far back as the record of handled ids reaches). */
    Mono<Boolean> handled(String consumer, UUID eventId);
}
