package bookstore.platform.deadletters;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Re-drives by the topic the dead letter came from and how they ended: {@code redriven} (the handler took it),
 * {@code failed} (it failed again and stays dead-lettered) or {@code refused} (re-driven before, not forced). Dry runs
 * change nothing and are not counted.
 */
final class DeadLetterMetrics {

    static final String REDRIVEN = "bookstore.messaging.dead.letters.redriven";

    private final MeterRegistry registry;

    DeadLetterMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void redriven(String topic) {
        counter(topic, "redriven").increment();
    }

    void failed(String topic) {
        counter(topic, "failed").increment();
    }

    void refused(String topic) {
        counter(topic, "refused").increment();
    }

    /** Registers the topic's counts at zero, so a rate over the first re-drive has a series to start from. */
    void expecting(String topic) {
        counter(topic, "redriven");
        counter(topic, "failed");
        counter(topic, "refused");
    }

    private Counter counter(String topic, String outcome) {
        return Counter.builder(REDRIVEN)
                .description("Dead letters handed back to the consumer group that gave up on them, by outcome")
                .tag("topic", topic)
                .tag("outcome", outcome)
                .register(registry);
    }
}
