package bookstore.events;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
 * @param retention how long its records are kept
 */
public record Topic<E extends IntegrationEvent>(
        String name, String key, Class<E> eventFamily, int partitions, Retention retention) {

    /** How long a topic keeps its records: what a reader starting from the beginning will find. */
    public enum Retention {
        /** The broker's default (7 days unless the cluster says otherwise): traffic nobody rereads. */
        BROKER_DEFAULT,
        /** Every record, for good: a reader can rebuild everything from the first record. */
        FOREVER,
        /** The last record of every key, for good: a table whose current state is all a reader needs. */
        COMPACTED,
        /**
         * Personal data: compacted like {@link #COMPACTED}, and an older record of a key is cleaned away within a day
         * of a newer one (hourly segments, at most a day's compaction lag), so an erasure leaves the broker too.
         */
        PERSONAL,
        /** A day, then gone: messages that matter only until they are handled and must not linger (one-time links). */
        A_DAY;

        /** The Kafka topic settings that say so, for creating the topic (the same in {@code k8s/} and AsyncAPI). */
        public Map<String, String> topicConfig() {
            return switch (this) {
                case BROKER_DEFAULT -> Map.of();
                case FOREVER -> Map.of("cleanup.policy", "delete", "retention.ms", "-1");
                case COMPACTED -> Map.of("cleanup.policy", "compact");
                case PERSONAL ->
                    Map.of("cleanup.policy", "compact", "segment.ms", "3600000", "max.compaction.lag.ms", "86400000");
                case A_DAY -> Map.of("cleanup.policy", "delete", "retention.ms", "86400000");
            };
        }
    }

    public Topic(String name, String key, Class<E> eventFamily, int partitions) {
        this(name, key, eventFamily, partitions, Retention.BROKER_DEFAULT);
    }

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(retention, "retention");
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
