package bookstore.launcher;

import bookstore.embedded.MailServer;
import bookstore.embedded.MongoServer;
import bookstore.embedded.PostgresServer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The servers the launcher embeds for this run, with their data under the launcher's folder. */
final class LocalInfrastructure implements AutoCloseable {

    private final List<AutoCloseable> started = new ArrayList<>();
    private final InfrastructurePlan plan;
    private final Path dataDirectory;
    private final ChildJvm jvm;
    private final Path logs;
    private KafkaProcess kafka;
    private PostgresServer postgres;
    private MailServer mail;

    private LocalInfrastructure(InfrastructurePlan plan, Path dataDirectory, ChildJvm jvm, Path logs) {
        this.plan = plan;
        this.dataDirectory = dataDirectory;
        this.jvm = jvm;
        this.logs = logs;
    }

    /**
     * Starts what the plan embeds, Kafka first because it takes longest to be useful, and makes sure
     * each service's database exists, on the embedded server or the one the environment names.
     * Kafka runs in a JVM of its own (logging to {@code kafka.log} in {@code logs}), so that it can be
     * killed like any process; PostgreSQL is its own process anyway; MongoDB and mail run in this one.
     */
    static LocalInfrastructure start(
            InfrastructurePlan plan,
            Path dataDirectory,
            Collection<Service> services,
            ChildJvm jvm,
            Path logs,
            PrintStream out) {
        LocalInfrastructure infrastructure = new LocalInfrastructure(plan, dataDirectory, jvm, logs);
        try {
            PostgresServer postgres = null;
            for (BackingServer server : BackingServer.values()) {
                if (!plan.embeds(server)) {
                    continue;
                }
                long begin = System.nanoTime();
                Path folder = dataDirectory.resolve(server.folder());
                AutoCloseable running =
                        switch (server) {
                            case KAFKA -> infrastructure.kafka = infrastructure.startKafkaProcess(false);
                            case POSTGRES -> postgres = startPostgres(server.port(plan.portOffset()), folder);
                            case MONGO -> MongoServer.start(server.port(plan.portOffset()), folder);
                            case MAIL -> infrastructure.mail = startMail(server.ports(plan.portOffset()));
                        };
                infrastructure.started.add(running);
                out.printf(
                        "  %-12s ready on %s in %s%n",
                        server.displayName(), plan.shownAddress(server), Durations.since(begin));
            }
            List<String> databases = services.stream()
                    .flatMap(service -> service.database().stream())
                    .toList();
            infrastructure.postgres = postgres;
            if (postgres != null) {
                databases.forEach(postgres::createDatabaseIfMissing);
            } else if (plan.needs(BackingServer.POSTGRES)) {
                createDatabasesIfMissing(plan, databases);
            }
            return infrastructure;
        } catch (RuntimeException e) {
            infrastructure.close();
            throw e;
        }
    }

    /** The embedded mail server, if this run embeds one. */
    synchronized Optional<MailServer> mail() {
        return Optional.ofNullable(mail);
    }

    private static MailServer startMail(List<Integer> ports) {
        return MailServer.start(ports.get(0), ports.get(1), ports.get(2));
    }

    /**
     * Stops the embedded PostgreSQL server (a fast shutdown: open sessions are ended), leaving its
     * data in place, as an outage of the database would; {@link #startPostgres()} brings it back.
     */
    synchronized void stopPostgres() {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL is not embedded in this run, or is stopped");
        }
        started.remove(postgres);
        postgres.close();
        postgres = null;
    }

    /**
     * Kills the embedded PostgreSQL server (SIGKILL to the postmaster and its backends), as a crash
     * would; {@link #startPostgres()} brings it back, recovering from the write-ahead log.
     */
    synchronized void killPostgres() {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL is not embedded in this run, or is stopped");
        }
        started.remove(postgres);
        postgres.kill();
        postgres = null;
    }

    /** Starts the embedded PostgreSQL server again on its port, with the data it had. */
    synchronized void startPostgres() {
        if (postgres != null) {
            throw new IllegalStateException("PostgreSQL is running");
        }
        postgres = startPostgres(
                BackingServer.POSTGRES.port(plan.portOffset()), dataDirectory.resolve(BackingServer.POSTGRES.folder()));
        started.add(postgres);
    }

    /**
     * Commits are durable, as in production: what a service was told is committed survives a crash of
     * the server (the system tests kill it), at the price of a flush of the log per commit.
     */
    private static PostgresServer startPostgres(int port, Path folder) {
        return PostgresServer.start(port, folder, PostgresServer.Commits.DURABLE);
    }

    /** Stops the embedded Kafka broker (a controlled shutdown), leaving its log in place, as an outage would. */
    synchronized void stopKafka() {
        runningKafka().close();
        started.remove(kafka);
        kafka = null;
    }

    /** Kills the embedded Kafka broker (SIGKILL), as a crash would; {@link #startKafka()} recovers its log. */
    synchronized void killKafka() {
        runningKafka().kill();
        started.remove(kafka);
        kafka = null;
    }

    /** Starts the embedded Kafka broker again on its port, with its log, and returns once it serves clients. */
    synchronized void startKafka() {
        if (kafka != null) {
            throw new IllegalStateException("Kafka is running");
        }
        if (!plan.embeds(BackingServer.KAFKA)) {
            throw new IllegalStateException("Kafka is not embedded in this run");
        }
        kafka = startKafkaProcess(true);
        started.add(kafka);
    }

    private KafkaProcess runningKafka() {
        if (kafka == null) {
            throw new IllegalStateException("Kafka is not embedded in this run, or is stopped");
        }
        return kafka;
    }

    private KafkaProcess startKafkaProcess(boolean again) {
        BackingServer server = BackingServer.KAFKA;
        return KafkaProcess.start(
                jvm,
                server.port(plan.portOffset()),
                dataDirectory.resolve(server.folder()),
                logs.resolve(server.folder() + ".log"),
                again);
    }

    /** Stops in reverse start order: mail, MongoDB, PostgreSQL, then Kafka. */
    @Override
    public synchronized void close() {
        for (AutoCloseable server : started.reversed()) {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("  " + server.getClass().getSimpleName() + " did not stop cleanly: " + e);
            }
        }
        started.clear();
    }

    private static void createDatabasesIfMissing(InfrastructurePlan plan, List<String> databases) {
        String url = "jdbc:" + stripPath(plan.address(BackingServer.POSTGRES)) + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, plan.postgresUser(), plan.postgresPassword());
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            for (String database : databases) {
                exists.setString(1, database);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        continue;
                    }
                }
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + database);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot create the service databases on " + url + " as " + plan.postgresUser() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** {@code postgresql://host:port/anything} → {@code postgresql://host:port}. */
    static String stripPath(String postgresUrl) {
        int authority = postgresUrl.indexOf("//") + 2;
        int path = postgresUrl.indexOf('/', authority);
        String withoutPath = path < 0 ? postgresUrl : postgresUrl.substring(0, path);
        int query = withoutPath.indexOf('?');
        return query < 0 ? withoutPath : withoutPath.substring(0, query);
    }
}
