import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one load, from what the generator sent, what the watcher saw and what was
 * sampled, as properties (OUT/saga.properties, which run.sh and Results read: one key=value a line)
 * and a per-second timeline (OUT/saga-timeline.csv).
 */
final class LoadReport {

    private final Settings settings;
    private final OrderGenerator load;
    private final SagaWatcher watcher;
    private final Map<String, String> results = new LinkedHashMap<>();

    LoadReport(Settings settings, OrderGenerator load, SagaWatcher watcher) {
        this.settings = settings;
        this.load = load;
        this.watcher = watcher;
    }

    /** Orders, their outcome and latencies, from POST to the terminal event and per leg of the saga. */
    LoadReport orders(long pendingByShop) {
        long windowStart = load.windowStart();
        long windowEnd = load.windowEnd();
        int sent = 0, accepted = 0, notSent = 0, confirmed = 0, rejected = 0, cancelled = 0, open = 0;
        List<Long> sagaLatencies = new ArrayList<>();
        List<List<Long>> hops = new ArrayList<>();
        SagaWatcher.HOPS.forEach(hop -> hops.add(new ArrayList<>()));
        List<Long> httpLatencies = new ArrayList<>();
        for (int i = 0; i < load.total; i++) {
            boolean measured = load.scheduled[i] >= windowStart && load.scheduled[i] < windowEnd;
            if (!measured) {
                continue;
            }
            if (load.status.get(i) == OrderGenerator.NOT_SENT) {
                notSent++;
                continue;
            }
            sent++;
            if (load.answeredAt.get(i) != 0) {
                httpLatencies.add(load.answeredAt.get(i) - load.scheduled[i]);
            }
            String id = load.orderIds.get(i);
            if (id == null) {
                continue;
            }
            accepted++;
            SagaWatcher.Terminal terminal = watcher.terminals.get(id);
            if (terminal == null) {
                open++;
            } else if (terminal.type().equals(SagaWatcher.CONFIRMED)) {
                confirmed++;
                sagaLatencies.add(terminal.at() - load.scheduled[i]);
                long[] seen = watcher.steps.get(id);
                if (seen != null && Arrays.stream(seen, 1, seen.length).allMatch(at -> at != 0)) {
                    hops.get(0).add(seen[1] - load.scheduled[i]);
                    for (int hop = 1; hop < SagaWatcher.HOPS.size(); hop++) {
                        hops.get(hop).add(seen[hop + 1] - seen[hop]);
                    }
                }
            } else if (terminal.type().equals(SagaWatcher.REJECTED)) {
                rejected++;
            } else {
                cancelled++;
            }
        }
        // Throughput: confirmations that arrived inside the window, whichever second their order was sent.
        long confirmedInWindow = watcher.confirmedBetween(windowStart, windowEnd);
        long[] saga = Stats.sorted(sagaLatencies);
        long[] answer = Stats.sorted(httpLatencies);

        results.put("offered_per_s", Stats.fmt(settings.rate()));
        results.put("warmup_s", Integer.toString(settings.warmup()));
        results.put("duration_s", Integer.toString(settings.duration()));
        results.put("customers", Integer.toString(load.customers.size()));
        results.put("books", Integer.toString(load.books.size()));
        results.put("sent", Integer.toString(sent));
        results.put("not_sent", Integer.toString(notSent));
        results.put("accepted", Integer.toString(accepted));
        results.put("accepted_ratio", Stats.fmt(sent == 0 ? 0 : (double) accepted / sent, 4));
        results.put("confirmed_in_window", Long.toString(confirmedInWindow));
        results.put("confirmed_per_s", Stats.fmt((double) confirmedInWindow / settings.duration()));
        results.put("confirmed", Integer.toString(confirmed));
        results.put("rejected", Integer.toString(rejected));
        results.put("cancelled", Integer.toString(cancelled));
        results.put("not_terminal_of_measured", Integer.toString(open));
        results.put("not_terminal", Long.toString(load.notTerminal(watcher)));
        results.put("pending_in_shop", Long.toString(pendingByShop));
        results.put("saga_p50_ms", Stats.ms(Stats.percentile(saga, 0.50)));
        results.put("saga_p99_ms", Stats.ms(Stats.percentile(saga, 0.99)));
        results.put("saga_max_ms", Stats.ms(Stats.max(saga)));
        StringBuilder hopsP50 = new StringBuilder();
        StringBuilder hopsP99 = new StringBuilder();
        for (int hop = 0; hop < SagaWatcher.HOPS.size(); hop++) {
            long[] sortedHop = Stats.sorted(hops.get(hop));
            String name = (hop == 0 ? "" : " ") + SagaWatcher.HOPS.get(hop) + ' ';
            hopsP50.append(name).append(Stats.ms(Stats.percentile(sortedHop, 0.50)));
            hopsP99.append(name).append(Stats.ms(Stats.percentile(sortedHop, 0.99)));
        }
        results.put("hops_p50_ms", hopsP50.toString());
        results.put("hops_p99_ms", hopsP99.toString());
        results.put("post_p50_ms", Stats.ms(Stats.percentile(answer, 0.50)));
        results.put("post_p99_ms", Stats.ms(Stats.percentile(answer, 0.99)));
        results.put("max_in_flight", Integer.toString(load.maxInFlightSeen));
        results.put("max_send_lag_ms", Stats.ms(load.maxSendLagNanos));
        results.put("events_seen", Long.toString(watcher.eventsSeen.get()));
        results.put("events_without_ce_type", Long.toString(watcher.eventsWithoutType.get()));
        Map<String, Integer> errorCounts = new TreeMap<>();
        load.errors.forEach((k, v) -> errorCounts.put(k, v.get()));
        results.put("errors", errorCounts.isEmpty() ? "none" : errorCounts.toString());
        return this;
    }

    /**
     * CPU milliseconds per second of each part of the machine, in the measured window and idle
     * before the load; the shop's total leaves out its JIT compiler threads, the generator and the
     * rest of the machine.
     */
    LoadReport cpu(Map<String, Double> measured, Map<String, Double> idle) {
        long confirmedInWindow = watcher.confirmedBetween(load.windowStart(), load.windowEnd());
        results.put("cpu_cores_used", CpuSampler.summary(measured));
        results.put("cpu_cores_jit", measured.isEmpty() ? "NA" : Stats.fmt(measured.get(CpuSampler.JIT) / 1000, 2));
        results.put("cpu_cores_idle", CpuSampler.summary(idle));
        double perOrder = (double) confirmedInWindow / settings.duration();
        results.put("cpu_ms_per_confirmed_order", measured.isEmpty() ? "NA" : Stats.ratio(CpuSampler.machine(measured), perOrder, 0));
        results.put("cpu_shop_ms_per_confirmed_order", measured.isEmpty() ? "NA" : Stats.ratio(CpuSampler.shop(measured), perOrder, 1));
        results.put("cpu_shop_ms_per_s", measured.isEmpty() ? "NA" : Stats.fmt(CpuSampler.shop(measured)));
        measured.forEach((part, ms) -> results.put("cpu_ms_per_s." + part, Stats.fmt(ms)));
        results.put("cpu_idle_shop_ms_per_s", idle.isEmpty() ? "NA" : Stats.fmt(CpuSampler.shop(idle)));
        idle.forEach((part, ms) -> results.put("cpu_idle_ms_per_s." + part, Stats.fmt(ms)));
        return this;
    }

    /** The counts of the load per confirmed order, and of the idle window per second. */
    LoadReport counts(Counters.Difference load, long orders, Counters.Difference idle) {
        results.put("counted_orders", Long.toString(orders));
        results.put("counted_s", Stats.fmt(load.seconds()));
        results.putAll(Counters.figures(load, orders, "", "_per_order"));
        results.put("idle_s", Stats.fmt(idle.seconds()));
        results.putAll(Counters.figures(idle, idle.seconds(), "idle_", "_per_s"));
        return this;
    }

    LoadReport put(Map<String, String> figures) {
        results.putAll(figures);
        return this;
    }

    LoadReport put(String key, String value) {
        results.put(key, value);
        return this;
    }

    /** Writes saga.properties and saga-timeline.csv and prints the properties. */
    void write(Path out) throws IOException {
        StringBuilder text = new StringBuilder();
        results.forEach((k, v) -> text.append(k).append('=').append(v.replace('\n', ' ')).append('\n'));
        Files.writeString(out.resolve("saga.properties"), text);
        System.out.print(text);
        timeline(out.resolve("saga-timeline.csv"));
    }

    /** Per second since the start of the load: orders sent, accepted, and terminal events arriving. */
    private void timeline(Path file) throws IOException {
        int warmup = settings.warmup(), duration = settings.duration();
        int seconds = warmup + duration + settings.drain() + 1;
        int[][] rows = new int[seconds][5];
        for (int i = 0; i < load.total; i++) {
            int s = second(load.scheduled[i]);
            if (s < 0 || s >= seconds) {
                continue;
            }
            if (load.status.get(i) != OrderGenerator.NOT_SENT) {
                rows[s][0]++;
            }
            if (load.status.get(i) == 202) {
                rows[s][1]++;
            }
        }
        for (SagaWatcher.Terminal t : watcher.terminals.values()) {
            int s = second(t.at());
            if (s < 0 || s >= seconds) {
                continue;
            }
            rows[s][t.type().equals(SagaWatcher.CONFIRMED) ? 2 : t.type().equals(SagaWatcher.REJECTED) ? 3 : 4]++;
        }
        StringBuilder csv = new StringBuilder("second,phase,sent,accepted,confirmed,rejected,cancelled\n");
        int last = seconds - 1;
        while (last > warmup + duration && rows[last][2] + rows[last][3] + rows[last][4] == 0) {
            last--;
        }
        for (int s = 0; s <= last; s++) {
            String phase = s < warmup ? "warmup" : s < warmup + duration ? "measured" : "drain";
            csv.append(s).append(',').append(phase);
            for (int c : rows[s]) {
                csv.append(',').append(c);
            }
            csv.append('\n');
        }
        Files.writeString(file, csv);
    }

    private int second(long nanos) {
        return (int) Math.floorDiv(nanos - load.start, 1_000_000_000L);
    }
}
