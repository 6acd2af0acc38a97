package bookstore.platform.messaging;

import bookstore.events.CloudEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends outbox events to Kafka for an outbox relay. This is the only code that produces events;
 * callers reach it through an outbox, never directly from a use case.
 */
public final class EventPublisher {

    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final String source;

    EventPublisher(KafkaTemplate<String, byte[]> kafka, String applicationName) {
        this.kafka = kafka;
        this.source = CloudEvents.sourceOf(applicationName);
    }

    /**
     * Sends a batch in order and tells how many of its first events Kafka acknowledged. Only that
     * prefix may be taken as sent: a retry then never publishes an aggregate's later event before an
     * earlier one. The producer sends as its linger allows, without a flush: the relay waits for the
     * acknowledgements, not for an empty buffer.
     */
    public Mono<Integer> publish(List<OutgoingEvent> batch) {
        if (batch.isEmpty()) {
            return Mono.just(0);
        }
        List<CompletableFuture<?>> sends = new ArrayList<>(batch.size());
        for (OutgoingEvent event : batch) {
            sends.add(kafka.send(event.toRecord(source)));
        }
        return Flux.fromIterable(sends)
                .concatMap(send -> Mono.fromFuture(send).thenReturn(true).onErrorResume(e -> {
                    log.warn("Kafka did not take an outbox event", e);
                    return Mono.just(false);
                }))
                .takeWhile(sent -> sent)
                .count()
                .map(Long::intValue);
    }
}
