package bookstore.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps the embedded servers' start-up chatter (hundreds of INFO lines from the Kafka broker alone)
 * out of test output; their warnings and errors still show.
 *
 * <p>Only the servers' own loggers are touched, never the Kafka, PostgreSQL or MongoDB clients of the
 * application under test, and with the lowest precedence, so a service's test configuration can
 * turn any of them back up.
 */
class QuietServerLogging implements EnvironmentPostProcessor {

    static final String PROPERTY_SOURCE_NAME = "quietServerLogging";

    private static final List<String> SERVER_LOGGERS = List.of(
            "kafka",
            "state.change.logger",
            "org.apache.kafka.controller",
            "org.apache.kafka.coordinator",
            "org.apache.kafka.image",
            "org.apache.kafka.metadata",
            "org.apache.kafka.queue",
            "org.apache.kafka.raft",
            "org.apache.kafka.server",
            "org.apache.kafka.snapshot",
            "org.apache.kafka.storage",
            "io.zonky.test.db.postgres",
            "de.bwaldvogel.mongo");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> levels = new LinkedHashMap<>();
        SERVER_LOGGERS.forEach(logger -> levels.put("logging.level." + logger, "WARN"));
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, levels));
    }
}
