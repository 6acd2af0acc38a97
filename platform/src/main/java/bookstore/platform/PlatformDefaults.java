package bookstore.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Settings every service shares (health groups, metrics exposure, structured logs, tracing, where
 * Kafka and PostgreSQL are), added with the lowest precedence so a service's own
 * {@code application.yaml}, profiles and environment variables still win.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    private static final String DEFAULTS = "bookstore-platform-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            new PropertiesPropertySourceLoader()
                    .load("bookstorePlatformDefaults", new ClassPathResource(DEFAULTS))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DEFAULTS, e);
        }
    }
}
