import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes OUT/results.md from run.sh's figures (OUT/run.properties: the machine, the raw Kafka and
 * PostgreSQL limits) and each load's (OUT/saga-RATE/saga.properties): counts per confirmed order
 * first, then rates, latencies and CPU (with the marginal CPU per confirmed order between two
 * offered rates), then the raw limits as ratios, then the details.
 *
 * <p>Usage: {@code java Results OUT}
 */
public class Results {

    private final Map<String, String> run;
    private final List<String> rates;
    private final Map<String, Map<String, String>> loads = new LinkedHashMap<>();
    private final StringBuilder md = new StringBuilder();

    Results(Path out) throws IOException {
        run = read(out.resolve("run.properties"));
        rates = List.of(run.getOrDefault("rates", "").trim().split("\\s+"));
        for (String rate : rates) {
            Path file = out.resolve("saga-" + rate).resolve("saga.properties");
            loads.put(rate, Files.exists(file) ? read(file) : Map.of());
        }
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "out");
        String text = new Results(out).write();
        Files.writeString(out.resolve("results.md"), text);
        System.out.print(text);
    }

    String write() {
        line("# Order saga benchmark, " + run("started_at"));
        line();
        line(run("machine") + ".");
        line("Shop: " + run("shop_command") + ". Load average (1/5/15 min): " + run("load_start") + " at start, "
                + run("load_end") + " at the end (per load below). CPU time stolen by the hypervisor over the whole run: "
                + run("steal") + " of the machine.");
        line();
        line("Target on 2 cores (200 confirmed orders/s, p99 under 1 s): **" + target() + "**.");
        line();
        counts();
        ratesAndCpu();
        rawLimits();
        details();
        return md.toString();
    }

    // ---------------------------------------------------------------- counts

    private void counts() {
        line("## What the saga asks per confirmed order");
        line();
        line("Counts do not depend on the machine's speed. Each is counted from just before a load's first order to the end of its drain ("
                + "and " + run("quiet") + " s more, for PostgreSQL's statistics), divided by the orders confirmed in that time. PostgreSQL: "
                + "the services' statements (pg_stat_statements) and committed transactions (pg_stat_database, less the benchmark's own) "
                + "in orders, inventory and payments. Kafka records: the growth of the end offsets of every shop topic. Broker requests: "
                + "the broker's own request metrics (Fetch without the benchmark's watcher's; \"all\" is every kind of request from clients, "
                + "not the broker's own to its controller; each kind in saga-RATE/counts.txt).");
        line();
        line("| offered | orders counted | PostgreSQL statements (orders / inventory / payments) | transactions (orders / inventory / payments) | execution ms | Kafka records produced | broker Produce requests | Fetch | OffsetCommit | all requests |");
        line("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (String rate : rates) {
            line("| " + rate + "/s | " + get(rate, "counted_orders") + " in " + get(rate, "counted_s") + " s | "
                    + get(rate, "pg_statements_per_order") + " (" + perDatabase(rate, "_statements_per_order") + ") | "
                    + get(rate, "pg_commits_per_order") + " (" + perDatabase(rate, "_commits_per_order") + ") | "
                    + get(rate, "pg_exec_ms_per_order") + " | "
                    + get(rate, "kafka_records_per_order") + " | "
                    + get(rate, "broker_produce_per_order") + " | "
                    + get(rate, "broker_fetch_per_order") + " | "
                    + get(rate, "broker_offset_commit_per_order") + " | "
                    + get(rate, "broker_requests_per_order") + " |");
        }
        line();
        line("The shop with no orders (the " + run("idle") + " s before each load), per second: what it does as time passes rather "
                + "than per order (pollers, relays, consumers' polls), which weighs more per order at low rates. Fetches do not simply "
                + "add up: an idle consumer's fetch waits up to its fetch.max.wait.ms and comes back empty, a busy one's comes back "
                + "with records sooner.");
        line();
        line("| before | statements/s | transactions/s | Kafka records/s | Produce/s | Fetch/s | OffsetCommit/s | all requests/s |");
        line("| --- | --- | --- | --- | --- | --- | --- | --- |");
        for (String rate : rates) {
            line("| " + rate + "/s | " + get(rate, "idle_pg_statements_per_s") + " | " + get(rate, "idle_pg_commits_per_s") + " | "
                    + get(rate, "idle_kafka_records_per_s") + " | " + get(rate, "idle_broker_produce_per_s") + " | "
                    + get(rate, "idle_broker_fetch_per_s") + " | " + get(rate, "idle_broker_offset_commit_per_s") + " | "
                    + get(rate, "idle_broker_requests_per_s") + " |");
        }
        line();
        String prefix = "kafka_records_per_order.";
        TreeSet<String> topics = new TreeSet<>();
        loads.values().forEach(load -> load.keySet().stream().filter(k -> k.startsWith(prefix))
                .forEach(k -> topics.add(k.substring(prefix.length()))));
        if (!topics.isEmpty()) {
            line("Kafka records per confirmed order, by topic (topics with none left out):");
            line();
            line("| topic | " + String.join(" | ", rates.stream().map(r -> r + "/s").toList()) + " |");
            line("|" + " --- |".repeat(rates.size() + 1));
            for (String topic : topics) {
                line("| " + topic + " | " + String.join(" | ", rates.stream().map(r -> loads.get(r).getOrDefault(prefix + topic, "0")).toList()) + " |");
            }
            line();
        }
        line("Rows in the outbox (`outbox_event`) and inbox (`inbox_processed_event`) tables, counted every " + run("sample_every")
                + " s from a load's first order to the end of its drain: at the start / most / at the end.");
        line();
        line("| offered | orders outbox | inventory outbox | payments outbox | orders inbox | inventory inbox | payments inbox |");
        line("| --- | --- | --- | --- | --- | --- | --- |");
        for (String rate : rates) {
            StringBuilder row = new StringBuilder("| " + rate + "/s |");
            for (String table : List.of("outbox", "inbox")) {
                for (String db : List.of("orders", "inventory", "payments")) {
                    String key = table + "_rows_%s." + db;
                    row.append(' ').append(get(rate, key.formatted("start"))).append(" / ").append(get(rate, key.formatted("max")))
                            .append(" / ").append(get(rate, key.formatted("end"))).append(" |");
                }
            }
            line(row.toString());
        }
        line();
    }

    private String perDatabase(String rate, String suffix) {
        return get(rate, "orders" + suffix) + " / " + get(rate, "inventory" + suffix) + " / " + get(rate, "payments" + suffix);
    }

    // ---------------------------------------------------------------- rates, latencies, CPU

    private void ratesAndCpu() {
        line("## Rates, latencies and CPU");
        line();
        line("| offered | confirmed/s | POST→CONFIRMED p50 / p99 (max) | POST answered p50 / p99 | CPU cores: shop / its JIT compiler threads / load generator / rest of the machine | shop CPU per confirmed order (without JIT) | load avg before → after |");
        line("| --- | --- | --- | --- | --- | --- | --- |");
        for (String rate : rates) {
            line("| " + rate + "/s | " + get(rate, "confirmed_per_s") + " | " + get(rate, "saga_p50_ms") + " ms / "
                    + get(rate, "saga_p99_ms") + " ms (" + get(rate, "saga_max_ms") + " ms) | " + get(rate, "post_p50_ms")
                    + " ms / " + get(rate, "post_p99_ms") + " ms | " + cores(rate, "cpu_shop_ms_per_s") + " / "
                    + cores(rate, "cpu_ms_per_s." + CpuSampler.JIT) + " / " + cores(rate, "cpu_ms_per_s." + CpuSampler.GENERATOR)
                    + " / " + cores(rate, "cpu_ms_per_s." + CpuSampler.OTHER) + " | " + get(rate, "cpu_shop_ms_per_confirmed_order")
                    + " ms | " + get(rate, "loadavg_before") + " → " + get(rate, "loadavg_after") + " |");
        }
        line();
        marginalCpu();
    }

    /**
     * The slope of each part's CPU between consecutive offered rates: (CPU ms/s at the higher rate −
     * at the lower) ÷ (confirmed/s at the higher − at the lower), in ms per confirmed order. What the
     * shop burns whatever the load (pollers, health checks, idle consumers) drops out.
     */
    private void marginalCpu() {
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < rates.size(); i++) {
            pairs.add(new String[] {rates.get(i), rates.get(i + 1)});
        }
        line("Marginal CPU per confirmed order: the slope of each process's CPU between two offered rates, (CPU ms/s at the "
                + "second − at the first) ÷ (confirmed/s at the second − at the first), over the measured windows; what a process "
                + "burns whatever the load drops out. Each process without its JIT compiler threads, which are reported apart "
                + "(they work less as the code gets compiled, whatever the rate), as are the load generator and the rest of the machine.");
        line();
        if (pairs.isEmpty()) {
            line("(It needs two offered rates: RATE=50,100 for instance.)");
            line();
            return;
        }
        line("| ms per confirmed order | " + String.join(" | ", pairs.stream().map(p -> p[0] + "/s → " + p[1] + "/s").toList()) + " |");
        line("|" + " --- |".repeat(pairs.size() + 1));
        StringBuilder confirmed = new StringBuilder("| confirmed/s |");
        for (String[] pair : pairs) {
            confirmed.append(' ').append(get(pair[0], "confirmed_per_s")).append(" → ").append(get(pair[1], "confirmed_per_s"));
            if (!keptUp(pair[0]) || !keptUp(pair[1])) {
                confirmed.append(" (a load confirmed less than it was offered: the slope is not the cost of an order alone)");
            }
            confirmed.append(" |");
        }
        line(confirmed.toString());
        for (String part : CpuSampler.SHOP) {
            line(slopeRow(part, "cpu_ms_per_s." + part, pairs));
        }
        line(slopeRow("**the shop** (all the above)", "cpu_shop_ms_per_s", pairs));
        line(slopeRow("JIT compiler threads of the shop's JVMs", "cpu_ms_per_s." + CpuSampler.JIT, pairs));
        line(slopeRow("load generator (not the shop)", "cpu_ms_per_s." + CpuSampler.GENERATOR, pairs));
        line(slopeRow("rest of the machine", "cpu_ms_per_s." + CpuSampler.OTHER, pairs));
        line();
    }

    private String slopeRow(String name, String key, List<String[]> pairs) {
        StringBuilder row = new StringBuilder("| " + name + " |");
        for (String[] pair : pairs) {
            double c1 = number(pair[0], "confirmed_per_s"), c2 = number(pair[1], "confirmed_per_s");
            double y1 = number(pair[0], key), y2 = number(pair[1], key);
            row.append(' ').append(Math.abs(c2 - c1) < 0.5 ? "NA" : Stats.fmt((y2 - y1) / (c2 - c1))).append(" |");
        }
        return row.toString();
    }

    /** Whether a load confirmed about what it offered (90 % or more in the measured window) and left no order behind. */
    private boolean keptUp(String rate) {
        return number(rate, "confirmed_per_s") >= 0.9 * Double.parseDouble(rate) && number(rate, "not_terminal") == 0;
    }

    // ---------------------------------------------------------------- raw limits

    private void rawLimits() {
        double kafkaRate = Math.min(number("kafka_produce"), number("kafka_consume") > 0 ? number("kafka_consume") : Double.MAX_VALUE);
        double pgTps = number("pg_tps");
        double e2eP99 = Math.max(1, number("e2e_p99")); // whole milliseconds; 0 counts as 1 ms
        line("## Against the raw limits of the same Kafka and PostgreSQL");
        line();
        line("| offered | confirmed/s | Kafka records/s | Kafka e2e p50 / p99 | pgbench tps | confirmed ÷ Kafka | confirmed ÷ pgbench | the saga's Kafka records/s ÷ Kafka's | the saga's statements/s ÷ pgbench's | saga p99 ÷ Kafka e2e p99 |");
        line("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (String rate : rates) {
            double confirmed = number(rate, "confirmed_per_s");
            line("| " + rate + "/s | " + get(rate, "confirmed_per_s") + " | " + Stats.fmt(kafkaRate, 0) + " | " + run("e2e_p50")
                    + " ms / " + run("e2e_p99") + " ms | " + Stats.fmt(pgTps, 0) + " | " + Stats.ratio(confirmed, kafkaRate, 4) + " | "
                    + Stats.ratio(confirmed, pgTps, 4) + " | "
                    + Stats.ratio(confirmed * number(rate, "kafka_records_per_order"), kafkaRate, 4) + " | "
                    + Stats.ratio(confirmed * number(rate, "pg_statements_per_order"), 7 * pgTps, 4) + " | "
                    + Stats.ratio(number(rate, "saga_p99_ms"), e2eP99, 0) + "× |");
        }
        line();
        line("- Kafka (the shop's broker, in the launcher JVM), records of " + run("record_size") + " B, acks=all, 6 partitions: ProducerPerformance "
                + run("kafka_records") + " unthrottled " + run("kafka_produce") + " records/s, ConsumerPerformance of the same "
                + run("kafka_consume") + " records/s (fetch time only); \"Kafka records/s\" is the lower. EndToEndLatency, "
                + run("e2e_records") + " records one at a time: avg " + Stats.fmt(number("e2e_avg")) + " ms, p50 " + run("e2e_p50") + " ms, p99 "
                + run("e2e_p99") + " ms (whole ms).");
        line("- PostgreSQL (the shop's server): pgbench TPC-B-like, scale " + run("pgbench_scale") + ", " + run("pgbench_clients")
                + " clients, " + run("pgbench_threads") + " threads, " + run("pgbench_seconds") + " s: " + Stats.fmt(pgTps, 0)
                + " tps, 7 statements each. 200 orders/s would need, per second, "
                + String.join(", ", rates.stream().map(r -> Stats.fmt(200 * number(r, "pg_statements_per_order"), 0)
                        + " statements and " + Stats.fmt(200 * number(r, "kafka_records_per_order"), 0) + " Kafka records (counts of " + r + "/s)").toList())
                + ".");
        line();
    }

    // ---------------------------------------------------------------- details

    private void details() {
        line("## Details");
        line();
        line("- Saga: open-loop POST /api/orders through the gateway (rate limits off), a " + run("warmup")
                + " s ramp from 0 to the offered rate, then " + run("duration") + " s measured; " + run("customers") + " customers, "
                + run("books") + " books, 1–2 lines per order, pm_card_visa. POST→CONFIRMED runs from an order's scheduled send to its "
                + "OrderConfirmed arriving on orders.events.v1; confirmed/s counts OrderConfirmed arriving during the measured window. "
                + (number("jit_warmup") > 0
                        ? "Before the first load, " + run("jit_warmup") + " s at " + run("jit_warmup_rate") + " orders/s, not measured, so that "
                                + "the loads meet compiled code."
                        : "No warm-up load before the first (JIT_WARMUP=0): the JIT compilers were busy during the loads."));
        for (String rate : rates) {
            line("  - " + rate + "/s: of the orders due in the measured window, " + get(rate, "sent") + " sent, " + get(rate, "accepted")
                    + " answered 202 (" + get(rate, "accepted_ratio") + "), " + get(rate, "confirmed") + " confirmed, " + get(rate, "rejected")
                    + " rejected, " + get(rate, "cancelled") + " cancelled, " + get(rate, "not_terminal_of_measured") + " not terminal after a "
                    + run("drain") + " s drain; not sent (in-flight cap) " + get(rate, "not_sent") + ".");
            line("    POST answered p50 " + get(rate, "post_p50_ms") + " ms, p99 " + get(rate, "post_p99_ms") + " ms; most requests in flight "
                    + get(rate, "max_in_flight") + "; generator lag at most " + get(rate, "max_send_lag_ms") + " ms.");
            line("    Errors: " + get(rate, "errors") + ". Whole load: " + get(rate, "not_terminal")
                    + " accepted orders never terminal on Kafka, " + get(rate, "pending_in_shop") + " PENDING in order-service at the end.");
            line("    Legs of POST→CONFIRMED (arrival of each saga record on Kafka), p50: " + get(rate, "hops_p50_ms") + "; p99: "
                    + get(rate, "hops_p99_ms") + " (ms).");
            line("    CPU cores used in the measured window: " + get(rate, "cpu_cores_used") + "; with the shop idle just before: "
                    + get(rate, "cpu_cores_idle") + ". CPU of the whole machine per confirmed order: "
                    + get(rate, "cpu_ms_per_confirmed_order") + " ms.");
            line("    Counts: saga-" + rate + "/counts.txt (every topic, kind of request, database), saga-" + rate
                    + "/pg-statements.txt (each statement), saga-" + rate + "/table-rows.csv; broker metrics: " + get(rate, "broker_metrics") + ".");
        }
        line("- Service logs: " + run("log_levels") + " (most frequent: log-summary.txt)");
        line();
        line("Per-second timelines: saga-RATE/saga-timeline.csv; raw outputs: kafka-*.txt, pgbench.txt, saga-RATE.txt; shop logs: shop-data/logs/.");
    }

    private String target() {
        for (String rate : rates) {
            if (number(rate, "confirmed_per_s") >= 200 && !Double.isNaN(number(rate, "saga_p99_ms")) && number(rate, "saga_p99_ms") < 1000) {
                return "met at " + rate + "/s offered";
            }
        }
        return "not met";
    }

    // ---------------------------------------------------------------- reading

    private String run(String key) {
        String value = run.get(key);
        return value == null || value.isBlank() ? "NA" : value;
    }

    private String get(String rate, String key) {
        String value = loads.get(rate).get(key);
        return value == null || value.isBlank() ? "NA" : value;
    }

    private String cores(String rate, String key) {
        double ms = number(rate, key);
        return Double.isNaN(ms) ? "NA" : Stats.fmt(ms / 1000, 2);
    }

    private double number(String rate, String key) {
        return parse(loads.get(rate).get(key));
    }

    private double number(String key) {
        return parse(run.get(key));
    }

    private static double parse(String value) {
        try {
            return value == null ? Double.NaN : Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** key=value lines, split at the first '='. */
    static Map<String, String> read(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }

    private void line(String text) {
        md.append(text).append('\n');
    }

    private void line() {
        md.append('\n');
    }
}
