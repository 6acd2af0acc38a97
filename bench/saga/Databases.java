import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One connection to each of the saga's databases as PostgreSQL's superuser, which the embedded
 * server trusts on loopback. Every query runs on its own (autocommit) and is counted per database,
 * so that the bench's own transactions can be taken out of pg_stat_database's.
 */
final class Databases implements AutoCloseable {

    interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** The role the bench logs in as; pg_stat_statements' figures leave its statements out. */
    static final String SUPERUSER = "postgres";

    private final Map<String, Connection> connections = new LinkedHashMap<>();
    private final Map<String, Long> ownCommits = new HashMap<>();

    private Databases() {}

    /** Connects to each database at host:port and makes sure pg_stat_statements can be read there. */
    static Databases open(String hostPort, List<String> names) throws SQLException {
        Databases databases = new Databases();
        try {
            for (String name : names) {
                Properties login = new Properties();
                login.setProperty("user", SUPERUSER);
                login.setProperty("ApplicationName", "saga-bench");
                Connection connection = DriverManager.getConnection("jdbc:postgresql://" + hostPort + "/" + name, login);
                databases.connections.put(name, connection);
                databases.ownCommits.put(name, 0L);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                }
                databases.ownCommits.merge(name, 1L, Long::sum);
            }
            return databases;
        } catch (SQLException e) {
            databases.close();
            throw e;
        }
    }

    List<String> names() {
        return List.copyOf(connections.keySet());
    }

    /** Runs one query in a transaction of its own on that database. */
    synchronized <T> T query(String database, String sql, Rows<T> rows) throws SQLException {
        try (Statement statement = connections.get(database).createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            T value = rows.read(result);
            ownCommits.merge(database, 1L, Long::sum);
            return value;
        }
    }

    /** Transactions the bench has committed on each database so far. */
    synchronized Map<String, Long> ownCommits() {
        return Map.copyOf(ownCommits);
    }

    @Override
    public synchronized void close() {
        for (Connection connection : connections.values()) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Closing anyway.
            }
        }
    }
}
