import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One load of the order saga through the gateway, as customers would place orders (the steps;
 * each job is a class of its own in this folder):
 *
 * <ol>
 *   <li>Setup ({@link ShopApi}): logs in as the admin, waits for an earlier load's PENDING orders,
 *       receives plenty of stock for BOOKS books of the seeded catalogue, registers and logs in
 *       CUSTOMERS customers; starts the {@link SagaWatcher} and places one probe order that must
 *       reach CONFIRMED.
 *   <li>Idle: QUIET seconds of nothing (so that PostgreSQL's statistics catch up), then IDLE seconds
 *       in which the shop's CPU ({@link CpuSampler}) and counts ({@link Counters}) with no orders
 *       are its background.
 *   <li>Load ({@link OrderGenerator}): open-loop orders, ramping from 0 to RATE/s over WARMUP s,
 *       then RATE/s for the DURATION s measured; CPU per process over the measured window; rows of
 *       the outbox and inbox tables every SAMPLE_EVERY s ({@link TableRows}). Then up to DRAIN s for
 *       every accepted order to reach a terminal state, and QUIET s more.
 *   <li>Counts: PostgreSQL's statements and transactions, Kafka records produced and the broker's
 *       requests from just before the first order to the end of the drain, per confirmed order.
 *   <li>Report ({@link LoadReport}): OUT/saga.properties, saga-timeline.csv, counts.txt,
 *       pg-statements.txt, table-rows.csv, broker-mbeans.txt.
 * </ol>
 *
 * Configuration by environment: see {@link Settings}.
 */
public class SagaLoad {

    public static void main(String[] args) {
        try {
            run(Settings.fromEnvironment());
        } catch (Exception e) {
            e.printStackTrace();
            // The consumer and the HTTP client's threads would keep the JVM alive.
            System.exit(1);
        }
        System.exit(0);
    }

    static void run(Settings settings) throws Exception {
        if (settings.adminEmail().isBlank() || settings.adminPassword().isBlank()) {
            throw new IllegalStateException("set ADMIN_EMAIL and ADMIN_PASSWORD (the shop's BOOKSTORE_ADMIN_*)");
        }
        if (settings.quiet() + settings.idle() + settings.warmup() + settings.duration() > 13 * 60) {
            // Access tokens live 15 minutes and the generator does not refresh the customers'.
            throw new IllegalStateException("QUIET + IDLE + WARMUP + DURATION must stay under 13 minutes");
        }
        Path out = settings.out();
        Files.createDirectories(out);
        String loadBefore = loadAverage();
        ShopApi shop = new ShopApi(settings.gateway());

        Settings.log("setup: admin login, stock, %d customers", settings.customers());
        String admin = shop.token(settings.adminEmail(), settings.adminPassword());
        // An earlier load (another rate of the same run) may still be working off its backlog.
        long pending;
        long settleDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.settle());
        while ((pending = shop.countPending(admin)) != 0 && System.nanoTime() < settleDeadline) {
            Settings.log("waiting for %d PENDING orders of an earlier load to finish", pending);
            Thread.sleep(5000);
        }
        List<String> books = shop.stockedBooks(admin, settings.books());
        List<String> customers = shop.customers(settings.customers());

        CpuSampler cpu = new CpuSampler(settings.ticksPerSecond(), settings.shopData());
        cpu.sample(); // names the processes
        try (SagaWatcher watcher = SagaWatcher.start(settings.kafka());
                Databases databases = Databases.open(settings.postgres(), Settings.SAGA_DATABASES);
                KafkaOffsets offsets = new KafkaOffsets(settings.kafka(), settings.benchTopics());
                BrokerRequests broker = attachBroker(settings, cpu)) {
            Settings.log("probe: one order must reach CONFIRMED before the load starts");
            Settings.log("probe order %s confirmed", probe(shop, watcher, customers.getFirst(), books.getFirst()));
            PgStats pg = new PgStats(databases);
            Counters counters = new Counters(pg, offsets, broker, watcher);
            if (broker != null) {
                Files.writeString(out.resolve("broker-mbeans.txt"), broker.list());
            }

            // What the shop does with no orders at all (pollers, health checks, consumers' polls):
            // its background, per second, in CPU and in counts.
            Thread.sleep(TimeUnit.SECONDS.toMillis(settings.quiet()));
            CpuSampler.Sample idleCpuFrom = cpu.sample();
            Counters.Snapshot idleFrom = counters.snapshot();
            Thread.sleep(TimeUnit.SECONDS.toMillis(settings.idle()));
            Counters.Snapshot idleTo = counters.snapshot();
            Map<String, Double> idleCpu = cpu.msPerSecond(idleCpuFrom, cpu.sample());
            Settings.log("idle for %d s, CPU cores used: %s", settings.idle(), CpuSampler.summary(idleCpu));

            pg.resetStatements();
            Counters.Snapshot start = counters.snapshot();
            OrderGenerator load = new OrderGenerator(shop, customers, books, settings);
            TableRows rows;
            CompletableFuture<Map<String, Double>> measuredCpu;
            try (TableRows sampling = new TableRows(databases, settings.sampleEvery()).start()) {
                rows = sampling;
                load.schedule();
                measuredCpu = sampleBetween(cpu, load.windowStart(), load.windowEnd());
                load.offer();
                Settings.log("sent %d orders; waiting up to %d s for every accepted order to reach a terminal state",
                        load.total, settings.drain());
                long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.drain());
                while (System.nanoTime() < drainDeadline && (load.inFlight.get() > 0 || load.notTerminal(watcher) > 0)) {
                    Thread.sleep(200);
                }
            }
            Settings.log("drained; %d s more for PostgreSQL's statistics, then the counts", settings.quiet());
            Thread.sleep(TimeUnit.SECONDS.toMillis(settings.quiet()));
            Counters.Snapshot end = counters.snapshot();
            long orders = watcher.confirmedBetween(start.at(), end.at());
            Counters.Difference counted = Counters.between(start, end);
            Counters.Difference idle = Counters.between(idleFrom, idleTo);
            Files.writeString(out.resolve("pg-statements.txt"), pg.listing(orders));
            Files.writeString(out.resolve("counts.txt"),
                    Counters.detail("the load, from just before its first order to the end of its drain", counted, orders)
                            + Counters.detail("idle, just before the load", idle, 0));
            rows.writeCsv(out.resolve("table-rows.csv"));

            // The admin's token may be older than its lifetime by now.
            long pendingByShop = shop.countPending(shop.token(settings.adminEmail(), settings.adminPassword()));
            new LoadReport(settings, load, watcher)
                    .put("loadavg_before", loadBefore)
                    .put("loadavg_after", loadAverage())
                    .orders(pendingByShop)
                    .counts(counted, orders, idle)
                    .put(rows.figures())
                    .cpu(measuredCpu.get(60, TimeUnit.SECONDS), idleCpu)
                    .put("broker_metrics", broker == null ? "out of reach" : "launcher JVM over JMX")
                    .write(out);
        }
    }

    static String probe(ShopApi shop, SagaWatcher watcher, String customer, String book) throws Exception {
        var response = shop.send(shop.order(customer, List.of(book)));
        if (response.statusCode() != 202) {
            throw new IllegalStateException("probe order answered " + response.statusCode() + ": " + response.body());
        }
        String id = ShopApi.orderId(response.body());
        SagaWatcher.Terminal terminal = watcher.awaitTerminal(id, 120);
        if (terminal == null) {
            throw new IllegalStateException("probe order " + id + " saw no terminal event on " + SagaWatcher.ORDER_EVENTS
                    + " within 120 s (" + watcher.eventsSeen.get() + " events seen)");
        }
        if (!SagaWatcher.CONFIRMED.equals(terminal.type())) {
            throw new IllegalStateException("probe order " + id + " ended " + terminal.type());
        }
        return id;
    }

    /** The broker's request metrics, or null (the counts of broker requests are then NA). */
    static BrokerRequests attachBroker(Settings settings, CpuSampler cpu) {
        long pid = settings.launcherPid();
        if (pid <= 0) {
            List<Long> launchers = cpu.pidsNamed(CpuSampler.LAUNCHER);
            pid = launchers.isEmpty() ? 0 : launchers.getFirst();
        }
        if (pid <= 0) {
            Settings.log("no launcher JVM found: broker requests will not be counted");
            return null;
        }
        try {
            return BrokerRequests.attach(pid);
        } catch (Exception | LinkageError e) {
            Settings.log("could not reach the broker's metrics in JVM %d: %s", pid, e);
            return null;
        }
    }

    /** CPU per part of the machine from one moment to another (System.nanoTime), sampled on a thread of its own. */
    static CompletableFuture<Map<String, Double>> sampleBetween(CpuSampler cpu, long from, long to) {
        CompletableFuture<Map<String, Double>> result = new CompletableFuture<>();
        Thread.ofPlatform().name("cpu-window").daemon().start(() -> {
            waitUntil(from);
            CpuSampler.Sample first = cpu.sample();
            waitUntil(to);
            result.complete(cpu.msPerSecond(first, cpu.sample()));
        });
        return result;
    }

    static void waitUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (Exception e) {
            return "NA";
        }
    }
}
