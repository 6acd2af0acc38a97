import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the shop did, counted, between two moments: PostgreSQL's statements, their execution time
 * and its transactions per database, records produced per Kafka topic, and requests handled by the
 * Kafka broker per kind. Counts do not depend on the machine's speed (unlike rates and CPU), except
 * for what the shop does on its own as time passes, which the idle window measures per second.
 */
final class Counters {

    /** The running totals at a moment; a part that could not be read is null. */
    record Snapshot(long at, PgStats.Totals pg, Map<String, Long> offsets, Map<String, Long> requests, long watcherFetches) {}

    /** What happened between two snapshots; null parts where either snapshot lacks them. */
    record Difference(
            double seconds,
            Map<String, Long> statements,
            Map<String, Double> execMs,
            Map<String, Long> commits,
            Map<String, Long> records,
            Map<String, Long> requests,
            long watcherFetches) {

        long total(Map<String, Long> values) {
            return values.values().stream().mapToLong(Long::longValue).sum();
        }

        /** A kind of broker request, 0 when the broker has not seen one yet. */
        long requests(String kind) {
            return requests.getOrDefault(kind, 0L);
        }

        /** Fetch requests of the shop's consumers: the broker's less the watcher's own. */
        long shopFetches() {
            return requests("Fetch") - Math.max(0, watcherFetches);
        }

        /** Every clients' request the broker handled (Fetch counted once), less the watcher's fetches. */
        long allRequests() {
            return requests.entrySet().stream()
                    .filter(e -> !BrokerRequests.ALIASES.contains(e.getKey()) && !BrokerRequests.CONTROL_PLANE.contains(e.getKey()))
                    .mapToLong(Map.Entry::getValue)
                    .sum() - Math.max(0, watcherFetches);
        }
    }

    private final PgStats pg;
    private final KafkaOffsets kafka;
    private final BrokerRequests broker;
    private final SagaWatcher watcher;

    /** @param broker null when the broker's metrics are out of reach */
    Counters(PgStats pg, KafkaOffsets kafka, BrokerRequests broker, SagaWatcher watcher) {
        this.pg = pg;
        this.kafka = kafka;
        this.broker = broker;
        this.watcher = watcher;
    }

    Snapshot snapshot() {
        long at = System.nanoTime();
        PgStats.Totals totals = null;
        Map<String, Long> offsets = null;
        Map<String, Long> requests = null;
        try {
            totals = pg.totals();
        } catch (Exception e) {
            Settings.log("could not read PostgreSQL's statistics: %s", e);
        }
        try {
            offsets = kafka.endOffsets();
        } catch (Exception e) {
            Settings.log("could not read the topics' end offsets: %s", e);
        }
        try {
            requests = broker == null ? null : broker.counts();
        } catch (Exception e) {
            Settings.log("could not read the broker's request metrics: %s", e);
        }
        return new Snapshot(at, totals, offsets, requests, watcher.fetchRequests());
    }

    static Difference between(Snapshot from, Snapshot to) {
        boolean pg = from.pg() != null && to.pg() != null;
        return new Difference(
                (to.at() - from.at()) / 1e9,
                pg ? minus(to.pg().statements(), from.pg().statements()) : null,
                pg ? minusDouble(to.pg().execMs(), from.pg().execMs()) : null,
                pg ? minus(to.pg().commits(), from.pg().commits()) : null,
                from.offsets() != null && to.offsets() != null ? minus(to.offsets(), from.offsets()) : null,
                from.requests() != null && to.requests() != null ? minus(to.requests(), from.requests()) : null,
                from.watcherFetches() >= 0 && to.watcherFetches() >= 0 ? to.watcherFetches() - from.watcherFetches() : -1);
    }

    /**
     * The difference divided by {@code divisor} (confirmed orders, or seconds), as properties named
     * {@code prefix + figure + suffix} (e.g. pg_statements_per_order, idle_pg_statements_per_s).
     */
    static Map<String, String> figures(Difference d, double divisor, String prefix, String suffix) {
        Map<String, String> figures = new LinkedHashMap<>();
        if (d.statements() != null) {
            figures.put(prefix + "pg_statements" + suffix, Stats.ratio(d.total(d.statements()), divisor, 1));
            figures.put(prefix + "pg_commits" + suffix, Stats.ratio(d.total(d.commits()), divisor, 1));
            figures.put(prefix + "pg_exec_ms" + suffix,
                    Stats.ratio(d.execMs().values().stream().mapToDouble(Double::doubleValue).sum(), divisor, 2));
            d.statements().forEach((db, n) -> figures.put(prefix + db + "_statements" + suffix, Stats.ratio(n, divisor, 1)));
            d.commits().forEach((db, n) -> figures.put(prefix + db + "_commits" + suffix, Stats.ratio(n, divisor, 1)));
            d.execMs().forEach((db, ms) -> figures.put(prefix + db + "_exec_ms" + suffix, Stats.ratio(ms, divisor, 2)));
        } else {
            figures.put(prefix + "pg_statements" + suffix, "NA");
        }
        if (d.records() != null) {
            figures.put(prefix + "kafka_records" + suffix, Stats.ratio(d.total(d.records()), divisor, 2));
            d.records().forEach((topic, n) -> {
                if (n != 0) {
                    figures.put(prefix + "kafka_records" + suffix + "." + topic, Stats.ratio(n, divisor, 2));
                }
            });
        } else {
            figures.put(prefix + "kafka_records" + suffix, "NA");
        }
        if (d.requests() != null) {
            figures.put(prefix + "broker_produce" + suffix, Stats.ratio(d.requests("Produce"), divisor, 2));
            figures.put(prefix + "broker_fetch" + suffix, Stats.ratio(d.shopFetches(), divisor, 2));
            figures.put(prefix + "broker_offset_commit" + suffix, Stats.ratio(d.requests("OffsetCommit"), divisor, 2));
            figures.put(prefix + "broker_requests" + suffix, Stats.ratio(d.allRequests(), divisor, 2));
            figures.put(prefix + "watcher_fetches" + suffix, d.watcherFetches() < 0 ? "NA" : Stats.ratio(d.watcherFetches(), divisor, 2));
        } else {
            figures.put(prefix + "broker_produce" + suffix, "NA");
            figures.put(prefix + "broker_fetch" + suffix, "NA");
            figures.put(prefix + "broker_offset_commit" + suffix, "NA");
            figures.put(prefix + "broker_requests" + suffix, "NA");
        }
        return figures;
    }

    /** Every count of the difference, in all and per order: the detail behind the figures. */
    static String detail(String title, Difference d, long orders) {
        StringBuilder text = new StringBuilder("== " + title + ": " + Stats.fmt(d.seconds()) + " s, " + orders
                + " confirmed orders; count, per order\n");
        if (d.statements() != null) {
            text.append("-- PostgreSQL (services' roles; commits less the bench's own)\n");
            d.statements().forEach((db, n) -> text.append(line(db + " statements", n, orders)));
            d.commits().forEach((db, n) -> text.append(line(db + " commits", n, orders)));
            d.execMs().forEach((db, ms) -> text.append(String.format(java.util.Locale.ROOT, "%-40s %12.1f %10s%n",
                    db + " execution ms", ms, Stats.ratio(ms, orders, 3))));
        }
        if (d.records() != null) {
            text.append("-- Kafka records produced (end offsets), per topic\n");
            d.records().forEach((topic, n) -> text.append(line(topic, n, orders)));
            text.append(line("all shop topics", d.total(d.records()), orders));
        }
        if (d.requests() != null) {
            text.append("-- broker requests (RequestMetrics RequestsPerSec Count, all versions)\n");
            new TreeMap<>(d.requests()).forEach((kind, n) -> text.append(line(kind, n, orders)));
            text.append(line("the watcher's own fetches", d.watcherFetches(), orders));
            text.append(line("all clients' (Fetch once, less the watcher's)", d.allRequests(), orders));
        }
        return text.append('\n').toString();
    }

    private static String line(String what, long count, long orders) {
        return String.format(java.util.Locale.ROOT, "%-40s %12d %10s%n", what, count, Stats.ratio(count, orders, 3));
    }

    private static Map<String, Long> minus(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> difference = new TreeMap<>();
        a.forEach((key, value) -> difference.put(key, value - b.getOrDefault(key, 0L)));
        return difference;
    }

    private static Map<String, Double> minusDouble(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> difference = new TreeMap<>();
        a.forEach((key, value) -> difference.put(key, value - b.getOrDefault(key, 0.0)));
        return difference;
    }
}
