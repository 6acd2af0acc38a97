import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders out/results.md from the key=value files the steps left in OUT: run.properties (run.sh), publish.properties,
 * ingest.properties, topics.properties and queries.properties; machine-independent counts first.
 */
public final class Results {

    private final StringBuilder md = new StringBuilder();
    private final Map<String, String> run;
    private final Map<String, String> publish;
    private final Map<String, String> ingest;
    private final Map<String, String> topics;
    private final Map<String, String> queries;

    private Results(Path out) throws IOException {
        run = read(out.resolve("run.properties"));
        publish = read(out.resolve("publish.properties"));
        ingest = read(out.resolve("ingest.properties"));
        topics = read(out.resolve("topics.properties"));
        queries = read(out.resolve("queries.properties"));
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(new BenchEnv().required("OUT"));
        Results results = new Results(out);
        results.render(out);
        Files.writeString(out.resolve("results.md"), results.md);
        System.out.print(results.md);
    }

    private void render(Path out) throws IOException {
        double input = number(ingest, "input_records");
        line("# Analytics benchmark — " + run.get("started_at"));
        line();
        line("Machine: " + run.get("machine") + ". Shop: `" + run.get("shop_command") + "`; analytics-service JVM "
                + "options `" + run.get("analytics_jvm").trim() + "`, started again with a fresh state directory and "
                + "application id `" + ingest.get("group") + "` once the history was on the topics"
                + ("1".equals(run.get("jfr")) ? ", with a JFR recording (settings=profile) during the ingest" : "")
                + ".");
        line();
        line("Load average at start " + run.get("load_start") + ", at end " + run.get("load_end") + "; steal "
                + run.get("steal") + " (the machine is shared: other work ran beside this benchmark).");
        line();

        line("## The history");
        line();
        line("| | |");
        line("| --- | --- |");
        line("| books (`BookAdded` with categories and publisher) | " + n(publish, "published.catalog.books.v1") + " |");
        line("| stock levels (`StockLevelChanged`) | " + n(publish, "published.inventory.stock.v1") + " |");
        line("| days | " + publish.get("days") + " (" + publish.get("first_day") + " to " + publish.get("last_day")
                + "), " + publish.get("orders_per_day") + " orders a day on average, busiest day "
                + n(publish, "busiest_day_orders") + " |");
        line("| orders (`OrderPlaced` + `OrderConfirmed`) | " + n(publish, "orders") + " |");
        line("| order lines (`SaleRecorded`) | " + n(publish, "lines") + " (" + n(publish, "units") + " copies, "
                + n(publish, "revenue_yuan") + " yuan) |");
        line("| customers (64-hex pseudonyms) | " + n(publish, "customers_buying") + " bought, of "
                + n(publish, "customers") + " |");
        line("| records on orders.events.v1 / sales.events.v1 | " + n(publish, "published.orders.events.v1") + " / "
                + n(publish, "published.sales.events.v1") + " (" + n(ingest, "input_records") + " input records) |");
        line("| mean value size orders / sales | " + perRecord("orders.events.v1") + " / " + perRecord("sales.events.v1")
                + " bytes |");
        line("| published in | " + publish.get("publish_seconds") + " s |");
        line();

        line("## What the ingest writes, per input record (does not depend on the machine)");
        line();
        line("Offsets each of the application's topics took from offset 0 (its application id is new, so are its "
                + "topics): every record written plus the commit markers of exactly-once transactions (at most one per "
                + "partition written in a commit; " + count(ingest, "thread_total.commit-total") + " commits), per input "
                + "record (sales and order records); what a read_committed reader finds there afterwards (a changelog "
                + "is compacted to the last record per key, a repartition topic purged once read); and the producers' "
                + "record-send-total (retried sends, e.g. on CONCURRENT_TRANSACTIONS, count again).");
        line();
        line("| topic | offsets taken | per input record | records there afterwards | their bytes | record-send-total |");
        line("| --- | --- | --- | --- | --- | --- |");
        double repartition = 0;
        double changelog = 0;
        for (var entry : topics.entrySet()) {
            if (!entry.getKey().startsWith("offsets.") || !entry.getKey().contains(ingest.get("group") + "-")) {
                continue;
            }
            String topic = entry.getKey().substring("offsets.".length());
            double offsets = parse(entry.getValue());
            if (topic.endsWith("-repartition")) {
                repartition += offsets;
            } else if (topic.endsWith("-changelog")) {
                changelog += offsets;
            }
            line("| " + topic.replace(ingest.get("group") + "-", "…-") + " | " + n(topics, entry.getKey()) + " | "
                    + Stats.ratio(offsets, input, 2) + " | " + n(topics, "records." + topic) + " | "
                    + n(topics, "bytes." + topic) + " | " + n(ingest, "sent." + topic) + " |");
        }
        line("| **all repartition topics** | " + String.format(java.util.Locale.ROOT, "%,.0f", repartition) + " | **"
                + Stats.ratio(repartition, input, 2) + "** | | | |");
        line("| **all changelog topics** | " + String.format(java.util.Locale.ROOT, "%,.0f", changelog) + " | **"
                + Stats.ratio(changelog, input, 2) + "** | | | |");
        line();
        double stateRunning = number(run, "state_bytes_running");
        double stateStopped = number(run, "state_bytes_stopped");
        line("State directory (RocksDB): " + Stats.fmt(stateRunning / 1048576, 1) + " MiB when caught up, "
                + Stats.fmt(stateStopped / 1048576, 1) + " MiB after a clean stop ("
                + Stats.ratio(stateStopped, input, 0) + " bytes per input record). Stream thread commits: "
                + count(ingest, "thread_total.commit-total") + ", punctuations: "
                + count(ingest, "thread_total.punctuate-total") + ", records processed (every topic, "
                + "repartition topics included): " + count(ingest, "thread_total.process-total") + ".");
        line();

        line("## Ingest rate");
        line();
        double raw = number(run, "raw_rate");
        double steady = number(ingest, "rate_steady");
        line("| | records/s | ratio to raw |");
        line("| --- | --- | --- |");
        line("| raw: Kafka ConsumerPerformance, the same two topics from the beginning (" + n(run, "raw_records")
                + " records; fetch time, no group join) | " + Stats.fmt(raw, 0) + " | 1 |");
        line("| **analytics-service**, from its first commit until no lag on both topics and its repartition topics ("
                + n(ingest, "records_steady") + " records in " + ingest.get("steady_seconds") + " s) | **"
                + Stats.fmt(steady, 0) + "** | **" + Stats.ratio(steady, raw, 3) + "** |");
        line("| analytics-service, from its JVM's start (" + ingest.get("seconds_to_caught_up") + " s, first commit after "
                + ingest.get("seconds_to_first_commit") + " s: start-up, global stores of books and stock, rebalance) | "
                + Stats.fmt(number(ingest, "rate_from_start"), 0) + " | "
                + Stats.ratio(number(ingest, "rate_from_start"), raw, 3) + " |");
        line();
        double cpu = number(ingest, "analytics_cpu_s_steady");
        line("CPU of analytics-service from its first commit to caught up: " + ingest.get("analytics_cpu_s_steady")
                + " s (" + Stats.fmt(cpu * 1e6 / number(ingest, "records_steady"), 0) + " µs per input record; "
                + ingest.get("analytics_cpu_s") + " s from its start); the broker's JVM (the launcher): "
                + ingest.get("broker_cpu_s") + " s. Stream thread time while ingesting (mean of 5 s samples of the "
                + "thread metrics): process " + ratio("process-ratio") + ", punctuate " + ratio("punctuate-ratio")
                + ", commit " + ratio("commit-ratio") + ", poll " + ratio("poll-ratio") + "; commit latency avg "
                + ingest.getOrDefault("thread_total.commit-latency-avg", "NA") + " ms, punctuate latency avg "
                + ingest.getOrDefault("thread_total.punctuate-latency-avg", "NA") + " ms. Over time: "
                + "ingest-samples.csv, ingest-threads.csv" + ("1".equals(run.get("jfr")) ? "; profile: analytics.jfr, "
                + "profile.txt, profile-hot-methods.txt" : "") + ".");
        line();

        line("## Query latency after the ingest, straight at analytics-service");
        line();
        line("Sequential requests with an admin's token, after " + System.getenv().getOrDefault("WARM_UP", "10")
                + " unmeasured ones each; the whole exchange timed. First answers in answers/.");
        line();
        line("| report | path | requests | p50 ms | p99 ms | max ms | statuses | answer bytes |");
        line("| --- | --- | --- | --- | --- | --- | --- | --- |");
        for (String name : queries.getOrDefault("queries", "").split(" ")) {
            if (name.isBlank()) {
                continue;
            }
            line("| " + name + " | `" + queries.get(name + ".path") + "` | " + queries.get(name + ".n") + " | "
                    + queries.get(name + ".p50") + " | **" + queries.get(name + ".p99") + "** | "
                    + queries.get(name + ".max") + " | " + queries.get(name + ".statuses") + " | "
                    + queries.get(name + ".bytes") + " |");
        }
        line();
        Path logSummary = out.resolve("log-summary.txt");
        if (Files.exists(logSummary) && Files.size(logSummary) > 0) {
            line("## What the measured instance logged as warnings and errors (most frequent first)");
            line();
            line("```");
            md.append(Files.readString(logSummary));
            line("```");
        }
    }

    private static String count(Map<String, String> values, String key) {
        return n(values, key);
    }

    private String perRecord(String topic) {
        return Stats.ratio(number(publish, "value_bytes." + topic), number(publish, "published." + topic), 0);
    }

    private String ratio(String name) {
        return ingest.getOrDefault("thread." + name, "NA");
    }

    private static String n(Map<String, String> values, String key) {
        double value = number(values, key);
        return Double.isNaN(value) ? "NA" : String.format(java.util.Locale.ROOT, "%,.0f", value);
    }

    private static double number(Map<String, String> values, String key) {
        return parse(values.get(key));
    }

    private static double parse(String value) {
        try {
            return value == null ? Double.NaN : Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** key=value lines, split at the first '='; an empty map for a step that did not run. */
    static Map<String, String> read(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return values;
        }
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
