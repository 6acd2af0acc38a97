import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the services ask of PostgreSQL, from its own statistics: statements and their execution
 * time (pg_stat_statements, which the embedded server preloads; the services' roles only, not the
 * bench's) and committed transactions (pg_stat_database, less the bench's own), per database.
 */
final class PgStats {

    /** Running totals per database at a moment; differences of two give what happened in between. */
    record Totals(Map<String, Long> statements, Map<String, Double> execMs, Map<String, Long> commits) {}

    private static final String SERVICES_ONLY = """
            dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND userid <> (SELECT oid FROM pg_roles WHERE rolname = current_user)""";

    private final Databases databases;

    PgStats(Databases databases) {
        this.databases = databases;
    }

    Totals totals() throws SQLException {
        Map<String, Long> own = databases.ownCommits();
        String names = String.join("','", databases.names());
        Map<String, Long> commits = databases.query(databases.names().getFirst(),
                "SELECT datname, xact_commit FROM pg_stat_database WHERE datname IN ('" + names + "')", rows -> {
                    Map<String, Long> read = new LinkedHashMap<>();
                    while (rows.next()) {
                        read.put(rows.getString(1), rows.getLong(2));
                    }
                    return read;
                });
        commits.replaceAll((database, count) -> count - own.getOrDefault(database, 0L));
        Map<String, Long> statements = new LinkedHashMap<>();
        Map<String, Double> execMs = new LinkedHashMap<>();
        for (String database : databases.names()) {
            databases.query(database, "SELECT coalesce(sum(calls), 0), coalesce(sum(total_exec_time), 0) FROM pg_stat_statements WHERE "
                    + SERVICES_ONLY, rows -> {
                        rows.next();
                        statements.put(database, rows.getLong(1));
                        execMs.put(database, rows.getDouble(2));
                        return null;
                    });
        }
        return new Totals(statements, execMs, commits);
    }

    /** Forgets every statement's figures, so that the listing covers only what follows. */
    void resetStatements() throws SQLException {
        databases.query(databases.names().getFirst(), "SELECT pg_stat_statements_reset()", rows -> null);
    }

    /** Each statement since the last reset, most frequent first: calls and execution ms per order. */
    String listing(long orders) throws SQLException {
        StringBuilder text = new StringBuilder();
        for (String database : databases.names()) {
            text.append("== ").append(database).append(": ").append(orders)
                    .append(" confirmed orders; per order: calls | execution ms | statement\n");
            if (orders == 0) {
                continue;
            }
            databases.query(database, "SELECT calls, total_exec_time, left(regexp_replace(query, '\\s+', ' ', 'g'), 200)"
                    + " FROM pg_stat_statements WHERE " + SERVICES_ONLY + " ORDER BY calls DESC", rows -> {
                        while (rows.next()) {
                            text.append(String.format(Locale.ROOT, "%.2f | %.3f | %s%n",
                                    rows.getLong(1) / (double) orders, rows.getDouble(2) / orders, rows.getString(3)));
                        }
                        return null;
                    });
        }
        return text.toString();
    }
}
