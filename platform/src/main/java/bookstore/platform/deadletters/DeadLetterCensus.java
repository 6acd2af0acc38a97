package bookstore.platform.deadletters;

import bookstore.platform.work.PollingWorker;
import bookstore.platform.work.Schedule;
import bookstore.platform.work.WakeUpSignal;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many dead letters of the service's groups wait in each dead-letter topic (never re-driven, or failed again),
 * counted by reading the dead-letter topics every {@code interval} and after each re-drive, never when metrics are
 * scraped. A dead-letter topic is normally empty, so a count reads next to nothing. Every replica counts the same
 * topics: a dashboard takes the maximum over a service's pods. Unknown ({@code NaN}) until the first count.
 */
final class DeadLetterCensus extends PollingWorker implements MeterBinder {

    static final String WAITING = "bookstore.messaging.dead.letters.waiting";

    private final RedrivingDeadLetters deadLetters;
    private final Map<String, Double> waiting = new ConcurrentHashMap<>();

    DeadLetterCensus(RedrivingDeadLetters deadLetters, Duration interval, WakeUpSignal redrives) {
        super("dead-letter-census", Schedule.every(interval).backingOffUpTo(interval), redrives);
        this.deadLetters = deadLetters;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        deadLetters.originalTopics().forEach(topic -> {
            waiting.put(topic, Double.NaN);
            Gauge.builder(WAITING, waiting, counts -> counts.getOrDefault(topic, Double.NaN))
                    .description("Dead letters of this service's consumer groups that wait in the topic's dead-letter"
                            + " topic: never re-driven, or failed again")
                    .tag("topic", topic)
                    .register(registry);
        });
    }

    @Override
    protected boolean runOnce() {
        deadLetters.waitingByTopic().forEach((topic, count) -> waiting.put(topic, count.doubleValue()));
        return false;
    }
}
