package bookstore.testsupport;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/** Where the real servers of a test run come from. */
public enum InfrastructureMode {

    /** Kafka, PostgreSQL and the Mongo wire server started inside the test JVM. */
    EMBEDDED {
        @Override
        ServerFactory servers() {
            return new EmbeddedServers();
        }
    },

    /** Kafka, PostgreSQL and MongoDB images started by Testcontainers on a Docker engine. */
    CONTAINERS {
        @Override
        ServerFactory servers() {
            return new ContainerServers();
        }
    };

    /** The environment variable that forces a mode: {@code embedded} or {@code containers}. */
    public static final String SWITCH = "TEST_INFRA";

    abstract ServerFactory servers();

    /** The forced mode if there is one, otherwise containers exactly when Docker is reachable. */
    static InfrastructureMode choose(String setting, BooleanSupplier dockerAvailable) {
        if (setting == null || setting.isBlank()) {
            return dockerAvailable.getAsBoolean() ? CONTAINERS : EMBEDDED;
        }
        return switch (setting.trim().toLowerCase(Locale.ROOT)) {
            case "embedded" -> EMBEDDED;
            case "containers" -> CONTAINERS;
            default ->
                throw new IllegalStateException(SWITCH + " must be 'embedded' or 'containers', not '" + setting + "'");
        };
    }
}
