package bookstore.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTests {

    private static PostgresServer postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @Test
    void storesAndReadsRowsAfterAPasswordLogin() throws SQLException {
        postgres.createDatabaseIfMissing("round_trip");

        try (Connection connection = DriverManager.getConnection(
                        postgres.jdbcUrl("round_trip"), postgres.username(), postgres.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE books (id int PRIMARY KEY, title text NOT NULL)");
            statement.execute("INSERT INTO books VALUES (1, '红楼梦')");

            try (ResultSet rows = statement.executeQuery("SELECT title FROM books WHERE id = 1")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("title")).isEqualTo("红楼梦");
            }
        }
    }

    @Test
    void refusesTheApplicationRoleWithAWrongPassword() {
        postgres.createDatabaseIfMissing("guarded");

        assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl("guarded"), PostgresServer.USER, "guess")
                        .close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    @Test
    void createsADatabaseOnlyWhenItIsMissing() {
        assertThat(postgres.createDatabaseIfMissing("created_once")).isTrue();
        assertThat(postgres.createDatabaseIfMissing("created_once")).isFalse();
    }

    @Test
    void rejectsADatabaseNameThatIsNotAPlainIdentifier() {
        assertThatThrownBy(() -> postgres.createDatabaseIfMissing("x\"; DROP DATABASE postgres; --"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsDatabasesAndRowsAcrossARestartOnTheSameDirectory(@TempDir Path directory) throws SQLException {
        try (PostgresServer first = PostgresServer.start(0, directory)) {
            first.createDatabaseIfMissing("orders");
            execute(first, "orders", "CREATE TABLE orders (id text PRIMARY KEY)", "INSERT INTO orders VALUES ('o-1')");
        }

        try (PostgresServer second = PostgresServer.start(0, directory)) {
            assertThat(second.createDatabaseIfMissing("orders")).isFalse();
            try (Connection connection = DriverManager.getConnection(
                            second.jdbcUrl("orders"), second.username(), second.password());
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT id FROM orders")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("o-1");
            }
        }
    }

    @Test
    void recoversCommittedRowsFromItsLogAfterBeingKilled(@TempDir Path directory) throws SQLException {
        PostgresServer killed = PostgresServer.start(0, directory, PostgresServer.Commits.DURABLE);
        killed.createDatabaseIfMissing("orders");
        // Committed, never checkpointed: only the write-ahead log has it when the server dies.
        execute(killed, "orders", "CREATE TABLE orders (id text PRIMARY KEY)", "INSERT INTO orders VALUES ('o-1')");
        Connection open = DriverManager.getConnection(killed.jdbcUrl("orders"), killed.username(), killed.password());

        killed.kill();

        assertThatThrownBy(() -> open.createStatement().execute("SELECT 1")).isInstanceOf(SQLException.class);
        open.close();
        try (PostgresServer recovered = PostgresServer.start(killed.port(), directory, PostgresServer.Commits.DURABLE);
                Connection connection = DriverManager.getConnection(
                        recovered.jdbcUrl("orders"), recovered.username(), recovered.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id FROM orders")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("o-1");
        }
    }

    @Test
    void countsTheStatementsOfTheApplicationForTheSuperuserToRead() throws SQLException {
        postgres.createDatabaseIfMissing("measured");
        try (Connection superuser = DriverManager.getConnection(postgres.jdbcUrl("measured"), "postgres", "");
                Statement statement = superuser.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            statement.execute("SELECT pg_stat_statements_reset()");

            execute(postgres, "measured", "SELECT 4711 AS shelf", "SELECT 4711 AS shelf", "SELECT 4711 AS shelf");

            try (ResultSet rows = statement.executeQuery(
                    "SELECT sum(calls) FROM pg_stat_statements WHERE query LIKE 'SELECT $1 AS shelf'")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isEqualTo(3);
            }
        }
    }

    private static void execute(PostgresServer server, String database, String... statements) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(server.jdbcUrl(database), server.username(), server.password());
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
