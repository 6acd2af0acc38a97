package bookstore.platform.observability;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Health contributions of the platform and the current trace for the events it records; metrics and tracing come
 * from Boot's own configuration.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
public class ObservabilityAutoConfiguration {

    /**
     * Named {@code kafka} in {@code /actuator/health}; not in the readiness group, since a pod answers its own
     * requests without the broker while its outbox holds the events.
     */
    @Bean("kafka")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        return new KafkaHealthIndicator(kafkaAdmin);
    }

    @Bean
    CurrentTrace currentTrace(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new CurrentTrace(tracer.getIfAvailable(), propagator.getIfAvailable());
    }
}
