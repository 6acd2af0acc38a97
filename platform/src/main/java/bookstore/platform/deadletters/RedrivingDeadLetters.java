package bookstore.platform.deadletters;

import bookstore.events.IntegrationEvent;
import bookstore.events.Topic;
import bookstore.platform.TransientFailures;
import bookstore.platform.messaging.SubscribedGroups;
import bookstore.platform.messaging.UndecodableEventException;
import bookstore.platform.paging.PageWindow;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The service's dead letters, operated: listed, inspected and re-driven. A dead letter belongs to the service when the
 * consumer group that gave up on it is one of the service's; a re-drive hands it to that group's handler alone, the
 * way the group's consumer would (same decoding, same inbox), so the other groups of the topic never see it again and
 * a record the group has handled since changes nothing. A re-drive is remembered in the {@link RedriveLog}: a dead
 * letter re-driven once is refused unless forced.
 */
public final class RedrivingDeadLetters {

    private final SubscribedGroups groups;
    private final DeadLetterTopics topics;
    private final RedriveLog log;
    private final DeadLetterMetrics metrics;
    private final Runnable redrivesChanged;
    private final Clock clock;

    /** The service's dead-letter topics, each with the topic it holds dead letters of. */
    private final Map<String, String> originalTopics = new LinkedHashMap<>();

    RedrivingDeadLetters(
            SubscribedGroups groups,
            DeadLetterTopics topics,
            RedriveLog log,
            DeadLetterMetrics metrics,
            Runnable redrivesChanged,
            Clock clock) {
        this.groups = groups;
        this.topics = topics;
        this.log = log;
        this.metrics = metrics;
        this.redrivesChanged = redrivesChanged;
        this.clock = clock;
        for (String group : groups.names()) {
            Topic<?> topic = groups.topicOf(group).orElseThrow();
            originalTopics.put(topic.deadLetterTopic(), topic.name());
        }
    }

    /** The topics the service reads, whose dead letters it operates. */
    List<String> originalTopics() {
        return originalTopics.values().stream().distinct().toList();
    }

    /** A page of dead letters; {@code items} newest first. */
    public record Listing(List<DeadLetter> items, int page, int size, long total) {}

    /**
     * The service's dead letters, newest first, optionally only those of one topic (the topic they came from), of one
     * group, or only those re-driven ({@code true}) or waiting ({@code false}).
     */
    public Mono<Listing> list(String topic, String group, Boolean redriven, int page, int size) {
        if (topic != null && !originalTopics.containsValue(topic)) {
            throw InvalidDeadLetterQuery.of("topic", "must be a topic this service reads: " + originalTopics.values());
        }
        if (group != null && !groups.names().contains(group)) {
            throw InvalidDeadLetterQuery.of("group", "must be a consumer group of this service: " + groups.names());
        }
        PageWindow.check(page, size);
        return blocking(() -> {
            Map<String, Redrive> redrives = log.all();
            List<DeadLetter> matching = topics
                    .readAll(deadLetterTopics(topic), record -> {
                        if (!isOurs(record) || (group != null && !group.equals(DeadLetter.group(record)))) {
                            return null;
                        }
                        Redrive last = lastRedrive(record, redrives);
                        boolean done = last != null && last.succeeded();
                        return redriven == null || redriven == done ? DeadLetter.of(record, last) : null;
                    })
                    .stream()
                    .sorted(Comparator.comparing(DeadLetter::timestamp)
                            .thenComparing(DeadLetter::topic)
                            .thenComparingInt(DeadLetter::partition)
                            .thenComparingLong(DeadLetter::offset)
                            .reversed())
                    .toList();
            int from = (int) Math.min((long) page * size, matching.size());
            int to = Math.min(from + size, matching.size());
            return new Listing(matching.subList(from, to), page, size, matching.size());
        });
    }

    /**
     * How many of the service's dead letters of each topic (the topic they came from) wait: were never re-driven, or
     * failed again. Blocks.
     */
    Map<String, Long> waitingByTopic() {
        Map<String, Redrive> redrives = log.all();
        Map<String, Long> waiting = new LinkedHashMap<>();
        originalTopics.values().forEach(topic -> waiting.put(topic, 0L));
        topics.readAll(originalTopics.keySet(), record -> {
                    Redrive last = isOurs(record) ? lastRedrive(record, redrives) : null;
                    return isOurs(record) && (last == null || !last.succeeded())
                            ? originalTopics.get(record.topic())
                            : null;
                })
                .forEach(topic -> waiting.merge(topic, 1L, Long::sum));
        return waiting;
    }

    /** One dead letter of the service in full. */
    public Mono<DeadLetterDetail> inspect(DeadLetterId id) {
        return blocking(() -> DeadLetterDetail.of(find(id), log.of(id).orElse(null)));
    }

    /** How a re-drive went, or for a dry run how it would go. */
    public enum Outcome {
        /** Dry run: the record holds an event the group reads and would be handed to its handler. */
        WOULD_REDRIVE,
        /** Dry run: the record holds nothing the group can read, so a re-drive would fail again. */
        WOULD_FAIL,
        /** The group's handler took the record; it is remembered as re-driven. */
        REDRIVEN,
        /** The group's handler failed again; the record stays dead-lettered and the failure is remembered. */
        FAILED
    }

    /**
     * @param alreadyHandled whether the group had handled the event before this re-drive, so it changed nothing;
     *     null for a group whose handler is idempotent by its state and keeps no record of handled events
     * @param failure why the handler failed (the exception's class and message), or null
     */
    public record RedriveAnswer(
            DeadLetter deadLetter,
            boolean dryRun,
            Outcome outcome,
            Boolean alreadyHandled,
            String failure,
            String detail) {}

    /**
     * Hands the dead letter to the handler of the group that gave up on it, or with {@code dryRun} says what that
     * would do and changes nothing.
     *
     * @param force re-drive a dead letter that was re-driven before
     * @param by the admin asking
     */
    public Mono<RedriveAnswer> redrive(DeadLetterId id, boolean dryRun, boolean force, UUID by) {
        return blocking(() -> {
            ConsumerRecord<String, byte[]> record = find(id);
            String group = DeadLetter.group(record);
            String topic = groups.topicOf(group).orElseThrow().name();
            Optional<Redrive> last = log.of(id);
            if (last.isPresent() && last.get().succeeded() && !force) {
                if (!dryRun) {
                    metrics.refused(topic);
                }
                throw new DeadLetterAlreadyRedrivenException(id, last.get());
            }
            IntegrationEvent event;
            try {
                event = groups.decode(group, record);
            } catch (UndecodableEventException unreadable) {
                return dryRun
                        ? new RedriveAnswer(
                                DeadLetter.of(record, last.orElse(null)),
                                true,
                                Outcome.WOULD_FAIL,
                                null,
                                describe(unreadable),
                                "The record holds no event " + group + " can read; a re-drive would fail again. "
                                        + "Nothing was changed.")
                        : failed(id, record, group, topic, force, by, unreadable, null);
            }
            Boolean handledBefore = groups.handledBefore(group, event.eventId()).orElse(null);
            if (dryRun) {
                return new RedriveAnswer(
                        DeadLetter.of(record, last.orElse(null)),
                        true,
                        Outcome.WOULD_REDRIVE,
                        handledBefore,
                        null,
                        wouldDo(group, event, handledBefore) + " Nothing was changed.");
            }
            try {
                groups.handle(group, record);
            } catch (RuntimeException failure) {
                if (TransientFailures.isTransient(failure)) {
                    // Nothing is remembered: the infrastructure is away, and the same request may simply be sent again.
                    throw failure;
                }
                return failed(id, record, group, topic, force, by, failure, handledBefore);
            }
            Redrive done = new Redrive(Redrive.Outcome.REDRIVEN, clock.instant(), by, force, null);
            log.remember(id, done);
            metrics.redriven(topic);
            redrivesChanged.run();
            return new RedriveAnswer(
                    DeadLetter.of(record, done),
                    false,
                    Outcome.REDRIVEN,
                    handledBefore,
                    null,
                    Boolean.TRUE.equals(handledBefore)
                            ? group + " had handled event " + event.eventId() + " already; nothing changed."
                            : group + "'s handler took event " + event.eventId() + ".");
        });
    }

    private RedriveAnswer failed(
            DeadLetterId id,
            ConsumerRecord<String, byte[]> record,
            String group,
            String topic,
            boolean force,
            UUID by,
            RuntimeException failure,
            Boolean handledBefore) {
        Redrive failed = new Redrive(Redrive.Outcome.FAILED, clock.instant(), by, force, describe(failure));
        log.remember(id, failed);
        metrics.failed(topic);
        return new RedriveAnswer(
                DeadLetter.of(record, failed),
                false,
                Outcome.FAILED,
                handledBefore,
                failed.failure(),
                group + "'s handler failed again; the record stays dead-lettered.");
    }

    private static String wouldDo(String group, IntegrationEvent event, Boolean handledBefore) {
        String handOver = "Event " + event.eventId() + " (" + event.getClass().getSimpleName() + ") would be handed to "
                + group + "'s handler alone; the topic's other groups would not see it.";
        if (handledBefore == null) {
            return handOver + " The handler is idempotent by its state: what it did already it does not do again.";
        }
        return handOver
                + (handledBefore
                        ? " " + group + " has handled this event since, so nothing would change."
                        : " " + group + " has not handled it yet.");
    }

    private static String describe(Throwable failure) {
        return failure.getClass().getName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }

    /** The service's dead letter at {@code id}, or a 404. */
    private ConsumerRecord<String, byte[]> find(DeadLetterId id) {
        if (!originalTopics.containsKey(id.topic())) {
            throw new DeadLetterNotFoundException(id);
        }
        return topics.read(id.topic(), id.partition(), id.offset())
                .filter(this::isOurs)
                .orElseThrow(() -> new DeadLetterNotFoundException(id));
    }

    /** Whether one of the service's groups gave up on the record. */
    private boolean isOurs(ConsumerRecord<String, byte[]> record) {
        return groups.names().contains(DeadLetter.group(record));
    }

    private static Redrive lastRedrive(ConsumerRecord<String, byte[]> record, Map<String, Redrive> redrives) {
        return redrives.get(new DeadLetterId(record.topic(), record.partition(), record.offset()).key());
    }

    /** The service's topics' dead-letter topics, or the one of {@code topic}. */
    private List<String> deadLetterTopics(String topic) {
        return originalTopics.entrySet().stream()
                .filter(entry -> topic == null || entry.getValue().equals(topic))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Kafka's clients block; they run where blocking is allowed, never on an event loop. */
    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
