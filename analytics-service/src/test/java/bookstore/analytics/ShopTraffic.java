package bookstore.analytics;

import bookstore.events.IntegrationEvent;
import bookstore.events.Topic;
import bookstore.platform.messaging.EventCodec;
import bookstore.platform.messaging.EventPublisher;
import bookstore.platform.messaging.OutgoingEvent;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Publishes events on the real broker as the shop's services do (JSON value, CloudEvents headers). */
public final class ShopTraffic {

    private static final EventCodec CODEC = new EventCodec();

    private final EventPublisher publisher;

    public ShopTraffic(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @SafeVarargs
    public final <E extends IntegrationEvent> void publish(Topic<E> topic, E... events) {
        List<OutgoingEvent> batch = Arrays.stream(events)
                .map(event -> OutgoingEvent.of(topic, event, CODEC))
                .toList();
        Integer sent = publisher.publish(batch).block(Duration.ofSeconds(30));
        if (sent == null || sent != batch.size()) {
            throw new IllegalStateException("Kafka took " + sent + " of " + batch.size() + " events");
        }
    }
}
