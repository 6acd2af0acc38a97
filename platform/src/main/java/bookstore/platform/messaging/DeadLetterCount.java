package bookstore.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;

/**
 * Counts the records a recoverer has put on a dead-letter topic, by the topic they came from. Counted
 * once the dead letter is sent: the recoverer throws when Kafka does not take it, and the record is
 * then retried, not dead-lettered.
 */
final class DeadLetterCount implements ConsumerRecordRecoverer {

    static final String METER = "bookstore.messaging.dead.letters";

    private final ConsumerRecordRecoverer deadLetters;
    private final MeterRegistry registry;

    DeadLetterCount(ConsumerRecordRecoverer deadLetters, MeterRegistry registry) {
        this.deadLetters = deadLetters;
        this.registry = registry;
    }

    /** Registers the topic's count at zero, so a rate over the first dead letter has a series to start from. */
    DeadLetterCount expecting(String topic) {
        counter(topic);
        return this;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception failure) {
        deadLetters.accept(record, failure);
        counter(record.topic()).increment();
    }

    private Counter counter(String topic) {
        return Counter.builder(METER)
                .description("Records a consumer gave up on and sent to the topic's dead-letter topic")
                .tag("topic", topic)
                .register(registry);
    }
}
