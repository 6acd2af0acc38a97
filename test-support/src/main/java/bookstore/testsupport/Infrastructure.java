package bookstore.testsupport;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * The one switch between embedded servers and Testcontainers for every test in the build.
 *
 * <p>Each server starts once per test JVM, on first use, and stops when the JVM exits. Spring tests
 * reach it through {@link RealKafka}, {@link RealPostgres} and {@link RealMongo}; other tests call
 * the accessors here directly.
 */
public final class Infrastructure {

    private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);

    private static final Once<InfrastructureMode> MODE = new Once<>(Infrastructure::chooseMode);
    private static final Once<RunningKafka> KAFKA =
            new Once<>(() -> timed("Kafka", () -> mode().servers().startKafka()));
    private static final Once<RunningPostgres> POSTGRES =
            new Once<>(() -> timed("PostgreSQL", () -> mode().servers().startPostgres()));
    private static final Once<RunningMongo> MONGO =
            new Once<>(() -> timed("MongoDB", () -> mode().servers().startMongo()));

    private Infrastructure() {}

    public static InfrastructureMode mode() {
        return MODE.get();
    }

    public static RunningKafka kafka() {
        return KAFKA.get();
    }

    public static RunningPostgres postgres() {
        return POSTGRES.get();
    }

    public static RunningMongo mongo() {
        return MONGO.get();
    }

    private static InfrastructureMode chooseMode() {
        String setting = System.getenv(InfrastructureMode.SWITCH);
        InfrastructureMode mode = InfrastructureMode.choose(
                setting, () -> DockerClientFactory.instance().isDockerAvailable());
        log.info(
                "Tests run against {} servers ({})",
                mode.name().toLowerCase(),
                setting == null || setting.isBlank()
                        ? "chosen by whether Docker is reachable; set " + InfrastructureMode.SWITCH
                                + "=embedded|containers to force it"
                        : "forced by " + InfrastructureMode.SWITCH + "=" + setting);
        return mode;
    }

    private static <T> T timed(String server, Supplier<T> start) {
        long begin = System.nanoTime();
        T running = start.get();
        log.info("{} ({}) ready in {} ms", server, mode(), (System.nanoTime() - begin) / 1_000_000);
        return running;
    }

    /** A value computed on first use; a failed start is retried by the next caller, not cached. */
    private static final class Once<T> {

        private final Supplier<T> supplier;
        private T value;

        Once(Supplier<T> supplier) {
            this.supplier = supplier;
        }

        synchronized T get() {
            if (value == null) {
                value = supplier.get();
            }
            return value;
        }
    }
}
