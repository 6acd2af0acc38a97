package bookstore.events;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Kafka topic of the catalogue: its name, what its key is, the sealed family of events it
 * carries and how many partitions it has.
 *
 * @param name topic name, {@code <domain>.<kind>.v<N>}
 * @param key what the record key holds, for readers of the contract
 * @param eventFamily a sealed interface whose permitted records are the events on this topic
 * @param partitions partition count the topic is created with
 */
public record Topic<E extends IntegrationEvent>(String name, String key, Class<E> eventFamily, int partitions) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        if (!eventFamily.isSealed()) {
            throw new IllegalArgumentException(eventFamily.getName() + " must be a sealed interface");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic needs at least one partition");
        }
    }

    /** Where records that cannot be processed after bounded retries are parked. */
    public String deadLetterTopic() {
        return name + ".dlt";
    }

    /** The concrete event records this topic carries. */
    public List<Class<? extends E>> eventTypes() {
        return Arrays.stream(eventFamily.getPermittedSubclasses())
                .<Class<? extends E>>map(type -> type.asSubclass(eventFamily))
                .toList();
    }

    /** The event record for a CloudEvents {@code ce_type}, if this topic carries it. */
    public Optional<Class<? extends E>> eventTypeFor(String cloudEventType) {
        return eventTypes().stream()
                .filter(type -> CloudEvents.typeOf(type).equals(cloudEventType))
                .findFirst();
    }
}
