import java.nio.file.Path;

/**
 * The knobs of one saga load, from the environment (run.sh sets them).
 *
 * @param gateway the shop's gateway (GATEWAY)
 * @param kafka the shop's broker (KAFKA)
 * @param postgres the shop's PostgreSQL as host:port (POSTGRES); the bench logs in as the superuser
 *     {@code postgres}, which the embedded server trusts on loopback
 * @param launcherPid the launcher JVM, which hosts the Kafka broker (LAUNCHER_PID; 0: found by its
 *     command line)
 * @param rate offered orders per second after the ramp (RATE)
 * @param duration seconds measured (DURATION)
 * @param warmup seconds of the ramp from 0 to RATE (WARMUP)
 * @param drain seconds at most to wait for every accepted order to end (DRAIN)
 * @param settle seconds at most to wait for an earlier load's PENDING orders (SETTLE)
 * @param idle seconds with no orders just before the load, for the shop's background (IDLE)
 * @param quiet seconds of nothing before a count is read, so that PostgreSQL's statistics of
 *     transactions have reached pg_stat_database (QUIET; its backends report them at least every 10 s)
 * @param sampleEvery seconds between two counts of the outbox and inbox tables (SAMPLE_EVERY)
 * @param benchTopics topics that are the bench's own, not the shop's (BENCH_TOPICS, a regex)
 */
record Settings(
        String gateway,
        String kafka,
        String postgres,
        long launcherPid,
        String adminEmail,
        String adminPassword,
        double rate,
        int duration,
        int warmup,
        int drain,
        int settle,
        int idle,
        int quiet,
        int sampleEvery,
        int customers,
        int books,
        int maxInFlight,
        String shopData,
        long ticksPerSecond,
        String benchTopics,
        Path out) {

    /** The databases of the saga's three services. */
    static final java.util.List<String> SAGA_DATABASES = java.util.List.of("orders", "inventory", "payments");

    static Settings fromEnvironment() {
        return new Settings(
                env("GATEWAY", "http://localhost:9080"),
                env("KAFKA", "localhost:10092"),
                env("POSTGRES", "localhost:6432"),
                Long.parseLong(env("LAUNCHER_PID", "0")),
                env("ADMIN_EMAIL", ""),
                env("ADMIN_PASSWORD", ""),
                Double.parseDouble(env("RATE", "100")),
                Integer.parseInt(env("DURATION", "60")),
                Integer.parseInt(env("WARMUP", "15")),
                Integer.parseInt(env("DRAIN", "60")),
                Integer.parseInt(env("SETTLE", "300")),
                Integer.parseInt(env("IDLE", "10")),
                Integer.parseInt(env("QUIET", "11")),
                Integer.parseInt(env("SAMPLE_EVERY", "5")),
                Integer.parseInt(env("CUSTOMERS", "50")),
                Integer.parseInt(env("BOOKS", "50")),
                Integer.parseInt(env("MAX_IN_FLIGHT", "2000")),
                env("SHOP_DATA", "shop-data"),
                Long.parseLong(env("CLK_TCK", "100")),
                env("BENCH_TOPICS", "bench-.*"),
                Path.of(env("OUT", ".")));
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static void log(String format, Object... args) {
        System.out.printf("[saga] " + format + "%n", args);
    }
}
