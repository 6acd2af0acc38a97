import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How many rows the outbox (outbox_event: events waiting to be published) and the inbox
 * (inbox_processed_event: event ids handled) of each saga database hold, counted every few seconds
 * during a load: both must stay bounded however long the load runs.
 */
final class TableRows implements AutoCloseable {

    static final List<String> TABLES = List.of("outbox_event", "inbox_processed_event");

    private final Databases databases;
    private final int everySeconds;
    /** database → the tables it has, of TABLES. */
    private final Map<String, List<String>> present = new LinkedHashMap<>();
    /** "database table" → the counts in sampling order. */
    private final Map<String, List<Long>> counts = new LinkedHashMap<>();
    private final List<Long> sampledAt = new ArrayList<>();
    private final long start = System.nanoTime();
    private volatile boolean sampling = true;
    private Thread thread;

    TableRows(Databases databases, int everySeconds) throws SQLException {
        this.databases = databases;
        this.everySeconds = Math.max(1, everySeconds);
        for (String database : databases.names()) {
            List<String> tables = new ArrayList<>();
            for (String table : TABLES) {
                boolean exists = databases.query(database, "SELECT to_regclass('" + table + "') IS NOT NULL", rows -> {
                    rows.next();
                    return rows.getBoolean(1);
                });
                if (exists) {
                    tables.add(table);
                    counts.put(key(database, table), new ArrayList<>());
                }
            }
            present.put(database, tables);
        }
    }

    /** Counts now and then every few seconds until close(). */
    TableRows start() {
        thread = Thread.ofPlatform().name("table-rows").daemon().start(() -> {
            while (sampling) {
                sample();
                long next = System.nanoTime() + TimeUnit.SECONDS.toNanos(everySeconds);
                while (sampling && System.nanoTime() < next) {
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        });
        return this;
    }

    private void sample() {
        synchronized (sampledAt) {
            sampledAt.add(System.nanoTime() - start);
            present.forEach((database, tables) -> {
                if (tables.isEmpty()) {
                    return;
                }
                String sql = "SELECT " + String.join(", ", tables.stream().map(t -> "(SELECT count(*) FROM " + t + ")").toList());
                try {
                    databases.query(database, sql, rows -> {
                        rows.next();
                        for (int i = 0; i < tables.size(); i++) {
                            counts.get(key(database, tables.get(i))).add(rows.getLong(i + 1));
                        }
                        return null;
                    });
                } catch (SQLException e) {
                    Settings.log("could not count the rows of %s in %s: %s", tables, database, e.getMessage());
                    tables.forEach(table -> counts.get(key(database, table)).add(-1L));
                }
            });
        }
    }

    /** Stops sampling, after one last count. */
    @Override
    public void close() {
        sampling = false;
        try {
            if (thread != null) {
                thread.join(30_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
    }

    /**
     * For each database and table: the most rows seen, and the rows at the last count, as
     * properties (outbox_rows_max.orders=…, inbox_rows_end.payments=…); NA for a missing table.
     */
    Map<String, String> figures() {
        Map<String, String> figures = new LinkedHashMap<>();
        synchronized (sampledAt) {
            for (String database : databases.names()) {
                for (String table : TABLES) {
                    String prefix = table.startsWith("outbox") ? "outbox_rows_" : "inbox_rows_";
                    List<Long> values = counts.getOrDefault(key(database, table), List.of()).stream()
                            .filter(v -> v >= 0).toList();
                    figures.put(prefix + "start." + database, values.isEmpty() ? "NA" : values.getFirst().toString());
                    figures.put(prefix + "max." + database,
                            values.isEmpty() ? "NA" : Long.toString(values.stream().mapToLong(Long::longValue).max().orElse(0)));
                    figures.put(prefix + "end." + database, values.isEmpty() ? "NA" : values.getLast().toString());
                }
            }
            figures.put("table_rows_samples", Integer.toString(sampledAt.size()));
        }
        return figures;
    }

    /** Every count: seconds since the sampling started, then one column per database and table. */
    void writeCsv(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("second");
        synchronized (sampledAt) {
            counts.keySet().forEach(key -> csv.append(',').append(key.replace(' ', '.')));
            csv.append('\n');
            for (int i = 0; i < sampledAt.size(); i++) {
                csv.append(Stats.fmt(sampledAt.get(i) / 1e9));
                for (List<Long> values : counts.values()) {
                    csv.append(',').append(i < values.size() && values.get(i) >= 0 ? values.get(i).toString() : "");
                }
                csv.append('\n');
            }
        }
        Files.writeString(file, csv);
    }

    private static String key(String database, String table) {
        return database + " " + table;
    }
}
