import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The order saga under a steady open-loop load, through the gateway, as customers would place orders.
 *
 * <p>Setup: logs in as the admin, receives plenty of stock for BOOKS books of the seeded catalogue,
 * registers and logs in CUSTOMERS customers, and places one probe order that must reach CONFIRMED.
 *
 * <p>Load: POST /api/orders on a fixed schedule that does not wait for answers (open loop: a slow
 * shop gets more requests in flight, up to MAX_IN_FLIGHT, not fewer requests): a linear ramp from 0
 * to RATE per second over WARMUP seconds, then RATE per second for the DURATION seconds measured.
 * Each order has one or two of the stocked books and pays with pm_card_visa.
 *
 * <p>Observation: a consumer assigned to every partition of orders.events.v1 (from its end, before
 * the first order) notes when each order's terminal event (OrderConfirmed, OrderRejected,
 * OrderCancelled, told apart by the CloudEvents {@code ce_type} header) arrives. POST to CONFIRMED
 * is that arrival minus the order's scheduled send time, so a lagging generator cannot hide latency
 * (no coordinated omission). No order is polled over HTTP during the load. The same consumer reads
 * the saga's command and reply topics too, which splits POST to CONFIRMED into its legs (which
 * service was working) for the hops_* figures.
 *
 * <p>CPU: what each process of the shop (and everything else on the machine) used, from /proc,
 * over IDLE seconds with no orders just before the load and over the measured window.
 *
 * <p>Reports on stdout and in OUT/saga.properties (keys the run script reads) and a per-second
 * timeline in OUT/saga-timeline.csv. Configuration by environment: GATEWAY, KAFKA, ADMIN_EMAIL,
 * ADMIN_PASSWORD, RATE, DURATION, WARMUP, DRAIN, SETTLE (how long to wait for an earlier load's
 * PENDING orders before starting), IDLE, CUSTOMERS, BOOKS, MAX_IN_FLIGHT, CLK_TCK, SHOP_DATA, OUT.
 */
public class SagaLoad {

    static final String ORDER_EVENTS = "orders.events.v1";
    static final String CONFIRMED = "bookstore.order.OrderConfirmed";
    static final String REJECTED = "bookstore.order.OrderRejected";
    static final String CANCELLED = "bookstore.order.OrderCancelled";

    /** The saga's records in order, by ce_type, and the topics they travel on (all keyed by orderId). */
    static final List<String> STEPS = List.of(
            "bookstore.order.OrderPlaced",
            "bookstore.order.ReserveStock",
            "bookstore.inventory.StockReserved",
            "bookstore.order.ChargePayment",
            "bookstore.payment.PaymentSucceeded",
            CONFIRMED);
    static final List<String> SAGA_TOPICS = List.of(
            ORDER_EVENTS, "inventory.commands.v1", "inventory.reservations.v1", "payments.commands.v1", "payments.events.v1");
    /** The legs between consecutive records: who was working, and for how long. */
    static final List<String> HOPS = List.of(
            "POST→ReserveStock(order)",
            "→StockReserved(inventory)",
            "→ChargePayment(order)",
            "→PaymentSucceeded(payment)",
            "→OrderConfirmed(order)");

    static final ObjectMapper JSON = new ObjectMapper();

    final String gateway = env("GATEWAY", "http://localhost:9080");
    final String kafka = env("KAFKA", "localhost:10092");
    final String adminEmail = env("ADMIN_EMAIL", "");
    final String adminPassword = env("ADMIN_PASSWORD", "");
    final double rate = Double.parseDouble(env("RATE", "200"));
    final int duration = Integer.parseInt(env("DURATION", "60"));
    final int warmup = Integer.parseInt(env("WARMUP", "15"));
    final int drain = Integer.parseInt(env("DRAIN", "60"));
    final int settle = Integer.parseInt(env("SETTLE", "300"));
    final int idleSeconds = Integer.parseInt(env("IDLE", "10"));
    final int customerCount = Integer.parseInt(env("CUSTOMERS", "50"));
    final int bookCount = Integer.parseInt(env("BOOKS", "50"));
    final int maxInFlight = Integer.parseInt(env("MAX_IN_FLIGHT", "2000"));
    final Path out = Path.of(env("OUT", "."));

    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    /** orderId → arrival (System.nanoTime) and ce_type of its first terminal event. */
    final Map<String, Terminal> terminals = new ConcurrentHashMap<>();
    /** orderId → arrival of each of STEPS (0: not seen); written by the consumer thread only. */
    final Map<String, long[]> steps = new ConcurrentHashMap<>();
    final AtomicLong eventsSeen = new AtomicLong();
    final AtomicLong eventsWithoutType = new AtomicLong();
    volatile boolean consuming = true;
    String idleCpu = "NA";

    record Terminal(long at, String type) {}

    public static void main(String[] args) {
        try {
            new SagaLoad().run();
        } catch (Exception e) {
            e.printStackTrace();
            // The consumer and the HTTP client's threads would keep the JVM alive.
            System.exit(1);
        }
        System.exit(0);
    }

    void run() throws Exception {
        if (adminEmail.isBlank() || adminPassword.isBlank()) {
            throw new IllegalStateException("set ADMIN_EMAIL and ADMIN_PASSWORD (the shop's BOOKSTORE_ADMIN_*)");
        }
        if (settle + warmup + duration + drain > 13 * 60) {
            // Access tokens live 15 minutes and the generator does not refresh them.
            throw new IllegalStateException("SETTLE + WARMUP + DURATION + DRAIN must stay under 13 minutes");
        }
        Files.createDirectories(out);

        log("setup: admin login, stock, %d customers", customerCount);
        String admin = token(adminEmail, adminPassword);
        // An earlier load (another rate of the same run) may still be working off its backlog.
        long pending;
        long settleDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settle);
        while ((pending = countPending(admin)) != 0 && System.nanoTime() < settleDeadline) {
            log("waiting for %d PENDING orders of an earlier load to finish", pending);
            Thread.sleep(5000);
        }
        List<String> books = stockedBooks(admin);
        List<String> customers = customers();

        // What the shop burns with no orders at all (pollers, health checks, consumers' polls): the
        // baseline for the CPU figures of the load.
        CpuUse idle = new CpuUse();
        idle.first = idle.ticks();
        Thread.sleep(TimeUnit.SECONDS.toMillis(idleSeconds));
        idle.last = idle.ticks();
        idleCpu = idle.summary(idleSeconds);
        log("idle for %d s, CPU cores used: %s", idleSeconds, idleCpu);

        Thread consumer = startConsumer();

        log("probe: one order must reach CONFIRMED before the load starts");
        String probe = probe(customers.getFirst(), books.getFirst());
        log("probe order %s confirmed", probe);

        Load load = new Load(customers, books);
        load.offer();
        log("sent %d orders; waiting up to %d s for every accepted order to reach a terminal state", load.total, drain);
        long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(drain);
        while (System.nanoTime() < drainDeadline && (load.inFlight.get() > 0 || load.notTerminal() > 0)) {
            Thread.sleep(200);
        }
        consuming = false;
        consumer.join(10_000);
        long pendingByShop = countPending(admin);
        load.report(pendingByShop);
    }

    // ---------------------------------------------------------------- setup

    String token(String email, String password) throws IOException, InterruptedException {
        JsonNode body = call("POST", "/api/auth/token", null, Map.of("email", email, "password", password), 200);
        return body.path("accessToken").asText();
    }

    /** BOOKS books of the seeded catalogue, each with 100,000 more copies received. */
    List<String> stockedBooks(String admin) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ids.size() < bookCount; page++) {
            JsonNode found = call("GET", "/api/books?size=100&page=" + page, null, null, 200);
            if (found.path("items").isEmpty()) {
                break;
            }
            for (JsonNode book : found.path("items")) {
                if (ids.size() < bookCount) {
                    ids.add(book.path("id").asText());
                }
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("the catalogue has no books");
        }
        for (String id : ids) {
            // Inventory opens stock for a book when it sees BookAdded; retry until it has.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                HttpResponse<String> response = send(request("/api/inventory/" + id + "/receipts", admin)
                        .POST(body(Map.of("quantity", 100_000, "note", "saga benchmark")))
                        .build());
                if (response.statusCode() / 100 == 2) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("receipt for " + id + " answered " + response.statusCode()
                            + ": " + response.body());
                }
                Thread.sleep(1000);
            }
        }
        log("stocked %d books with 100,000 copies each", ids.size());
        return ids;
    }

    /** Registers CUSTOMERS customers (a few at a time: hashing a password is deliberately slow) and logs them in. */
    List<String> customers() throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        AtomicReferenceArray<String> tokens = new AtomicReferenceArray<>(customerCount);
        Semaphore parallel = new Semaphore(4);
        List<Throwable> failures = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(customerCount);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < customerCount; i++) {
                int n = i;
                threads.submit(() -> {
                    try {
                        parallel.acquire();
                        String email = "saga-" + run + "-" + n + "@bench.example.com";
                        String password = "Steady-Orders-Per-Second-" + n;
                        call("POST", "/api/users", null,
                                Map.of("email", email, "password", password, "displayName", "读者 " + n), 201);
                        tokens.set(n, token(email, password));
                    } catch (Exception | Error e) {
                        synchronized (failures) {
                            failures.add(e);
                        }
                    } finally {
                        parallel.release();
                        done.countDown();
                    }
                    return null;
                });
            }
            done.await();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " customers could not register or log in", failures.getFirst());
        }
        List<String> list = new ArrayList<>();
        for (int i = 0; i < customerCount; i++) {
            list.add(tokens.get(i));
        }
        return list;
    }

    String probe(String customer, String book) throws Exception {
        HttpResponse<String> response = send(order(customer, List.of(book)));
        if (response.statusCode() != 202) {
            throw new IllegalStateException("probe order answered " + response.statusCode() + ": " + response.body());
        }
        String id = JSON.readTree(response.body()).path("id").asText();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!terminals.containsKey(id)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("probe order " + id + " saw no terminal event on " + ORDER_EVENTS
                        + " within 120 s (" + eventsSeen.get() + " events seen)");
            }
            Thread.sleep(50);
        }
        if (!CONFIRMED.equals(terminals.get(id).type())) {
            throw new IllegalStateException("probe order " + id + " ended " + terminals.get(id).type());
        }
        return id;
    }

    long countPending(String admin) {
        try {
            return call("GET", "/api/orders?status=PENDING&size=1", admin, null, 200).path("total").asLong();
        } catch (Exception e) {
            log("could not count PENDING orders: %s", e);
            return -1;
        }
    }

    // ---------------------------------------------------------------- observing the saga's topics

    Thread startConsumer() throws InterruptedException {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Only committed outbox records count: an order is confirmed when its event is durable.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "saga-bench");
        CountDownLatch positioned = new CountDownLatch(1);
        Thread thread = Thread.ofPlatform().name("saga-events").daemon().start(() -> {
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : SAGA_TOPICS) {
                    consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .forEach(partitions::add);
                }
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                positioned.countDown();
                while (consuming) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.nanoTime();
                        eventsSeen.incrementAndGet();
                        Header type = record.headers().lastHeader("ce_type");
                        if (type == null) {
                            eventsWithoutType.incrementAndGet();
                            continue;
                        }
                        String ceType = new String(type.value(), StandardCharsets.UTF_8);
                        int step = STEPS.indexOf(ceType);
                        boolean terminal = ceType.equals(CONFIRMED) || ceType.equals(REJECTED) || ceType.equals(CANCELLED);
                        if (step < 0 && !terminal) {
                            continue;
                        }
                        String orderId = record.key() != null
                                ? new String(record.key(), StandardCharsets.UTF_8)
                                : JSON.readTree(record.value()).path("orderId").asText();
                        if (step >= 0) {
                            long[] seen = steps.computeIfAbsent(orderId, k -> new long[STEPS.size()]);
                            if (seen[step] == 0) {
                                seen[step] = now;
                            }
                        }
                        if (terminal) {
                            terminals.putIfAbsent(orderId, new Terminal(now, ceType));
                        }
                    }
                }
            } catch (Exception e) {
                log("consumer failed: %s", e);
                positioned.countDown();
            }
        });
        if (!positioned.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no partitions of " + SAGA_TOPICS + " at " + kafka);
        }
        return thread;
    }

    // ---------------------------------------------------------------- the load

    final class Load {
        final List<String> customers;
        final List<String> books;
        /** The warm-up ramps the rate linearly from 0 to RATE: a cold shop is not hit at full rate at once. */
        final int rampOrders = (int) Math.round(rate * warmup / 2.0);
        final int total = rampOrders + (int) Math.round(rate * duration);
        final long[] scheduled = new long[total];
        final AtomicLongArray answeredAt = new AtomicLongArray(total);
        final AtomicReferenceArray<String> orderIds = new AtomicReferenceArray<>(total);
        final AtomicIntegerArray status = new AtomicIntegerArray(total); // 0 unanswered, -1 not sent (in-flight cap), -2 I/O error
        final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final CpuUse cpu = new CpuUse();
        int maxInFlightSeen;
        long maxSendLagNanos;
        long start;

        Load(List<String> customers, List<String> books) {
            this.customers = customers;
            this.books = books;
        }

        void offer() {
            log("load: %.0f orders/s for %d s measured after a %d s ramp from 0 (%d orders), %d customers, %d books",
                    rate, duration, warmup, total, customers.size(), books.size());
            start = System.nanoTime() + 50_000_000L;
            cpu.sampleAt(start + TimeUnit.SECONDS.toNanos(warmup), start + TimeUnit.SECONDS.toNanos(warmup + duration));
            for (int i = 0; i < total; i++) {
                long at = start + sinceStart(i);
                scheduled[i] = at;
                long wait;
                while ((wait = at - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                maxSendLagNanos = Math.max(maxSendLagNanos, System.nanoTime() - at);
                if (inFlight.get() >= maxInFlight) {
                    status.set(i, -1);
                    error("not sent: " + maxInFlight + " requests in flight");
                    continue;
                }
                maxInFlightSeen = Math.max(maxInFlightSeen, inFlight.incrementAndGet());
                int n = i;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                List<String> lines = random.nextInt(3) == 0
                        ? distinctTwo(random)
                        : List.of(books.get(random.nextInt(books.size())));
                http.sendAsync(order(customers.get(i % customers.size()), lines), HttpResponse.BodyHandlers.ofString())
                        .whenComplete((response, failure) -> {
                            answeredAt.set(n, System.nanoTime());
                            try {
                                if (failure != null) {
                                    status.set(n, -2);
                                    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                                    error(cause.getClass().getSimpleName());
                                } else if (response.statusCode() == 202) {
                                    orderIds.set(n, JSON.readTree(response.body()).path("id").asText());
                                    status.set(n, 202);
                                } else {
                                    status.set(n, response.statusCode());
                                    error("HTTP " + response.statusCode() + " " + problemType(response.body()));
                                }
                            } catch (IOException | RuntimeException e) {
                                status.set(n, -2);
                                error("unreadable answer: " + e.getClass().getSimpleName());
                            } finally {
                                inFlight.decrementAndGet();
                            }
                        });
            }
        }

        /** When the i-th order is due: the count sent by time t is RATE·t²/(2·WARMUP) during the ramp. */
        long sinceStart(int i) {
            double seconds = i < rampOrders
                    ? Math.sqrt(2.0 * warmup * i / rate)
                    : warmup + (i - rampOrders) / rate;
            return (long) (seconds * 1e9);
        }

        void error(String kind) {
            errors.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        }

        List<String> distinctTwo(ThreadLocalRandom random) {
            int a = random.nextInt(books.size());
            int b = (a + 1 + random.nextInt(books.size() - 1)) % books.size();
            return List.of(books.get(a), books.get(b));
        }

        long notTerminal() {
            long count = 0;
            for (int i = 0; i < total; i++) {
                String id = orderIds.get(i);
                if (id != null && !terminals.containsKey(id)) {
                    count++;
                }
            }
            return count;
        }

        void report(long pendingByShop) throws IOException {
            long windowStart = start + TimeUnit.SECONDS.toNanos(warmup);
            long windowEnd = windowStart + TimeUnit.SECONDS.toNanos(duration);
            int sent = 0, accepted = 0, notSent = 0, confirmed = 0, rejected = 0, cancelled = 0, open = 0;
            List<Long> sagaLatencies = new ArrayList<>();
            List<List<Long>> hops = new ArrayList<>();
            HOPS.forEach(hop -> hops.add(new ArrayList<>()));
            List<Long> httpLatencies = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                boolean measured = scheduled[i] >= windowStart && scheduled[i] < windowEnd;
                if (!measured) {
                    continue;
                }
                if (status.get(i) == -1) {
                    notSent++;
                    continue;
                }
                sent++;
                if (answeredAt.get(i) != 0) {
                    httpLatencies.add(answeredAt.get(i) - scheduled[i]);
                }
                String id = orderIds.get(i);
                if (id == null) {
                    continue;
                }
                accepted++;
                Terminal terminal = terminals.get(id);
                if (terminal == null) {
                    open++;
                } else if (terminal.type().equals(CONFIRMED)) {
                    confirmed++;
                    sagaLatencies.add(terminal.at() - scheduled[i]);
                    long[] seen = steps.get(id);
                    if (seen != null && Arrays.stream(seen, 1, seen.length).allMatch(at -> at != 0)) {
                        hops.get(0).add(seen[1] - scheduled[i]);
                        for (int hop = 1; hop < HOPS.size(); hop++) {
                            hops.get(hop).add(seen[hop + 1] - seen[hop]);
                        }
                    }
                } else if (terminal.type().equals(REJECTED)) {
                    rejected++;
                } else {
                    cancelled++;
                }
            }
            // Throughput: confirmations that arrived inside the window, whichever second their order was sent.
            long confirmedInWindow = terminals.values().stream()
                    .filter(t -> t.type().equals(CONFIRMED) && t.at() >= windowStart && t.at() < windowEnd)
                    .count();
            int allOpen = 0;
            for (int i = 0; i < total; i++) {
                if (orderIds.get(i) != null && !terminals.containsKey(orderIds.get(i))) {
                    allOpen++;
                }
            }
            long[] saga = sorted(sagaLatencies);
            long[] answer = sorted(httpLatencies);

            Map<String, String> results = new LinkedHashMap<>();
            results.put("offered_per_s", fmt(rate));
            results.put("warmup_s", Integer.toString(warmup));
            results.put("duration_s", Integer.toString(duration));
            results.put("customers", Integer.toString(customers.size()));
            results.put("books", Integer.toString(books.size()));
            results.put("sent", Integer.toString(sent));
            results.put("not_sent", Integer.toString(notSent));
            results.put("accepted", Integer.toString(accepted));
            results.put("accepted_ratio", String.format(Locale.ROOT, "%.4f", sent == 0 ? 0 : (double) accepted / sent));
            results.put("confirmed_per_s", fmt((double) confirmedInWindow / duration));
            results.put("confirmed", Integer.toString(confirmed));
            results.put("rejected", Integer.toString(rejected));
            results.put("cancelled", Integer.toString(cancelled));
            results.put("not_terminal_of_measured", Integer.toString(open));
            results.put("not_terminal", Integer.toString(allOpen));
            results.put("pending_in_shop", Long.toString(pendingByShop));
            results.put("saga_p50_ms", ms(percentile(saga, 0.50)));
            results.put("saga_p99_ms", ms(percentile(saga, 0.99)));
            results.put("saga_max_ms", ms(saga.length == 0 ? -1 : saga[saga.length - 1]));
            StringBuilder hopsP50 = new StringBuilder();
            StringBuilder hopsP99 = new StringBuilder();
            for (int hop = 0; hop < HOPS.size(); hop++) {
                long[] sortedHop = sorted(hops.get(hop));
                hopsP50.append(hop == 0 ? "" : " ").append(HOPS.get(hop)).append(' ').append(ms(percentile(sortedHop, 0.50)));
                hopsP99.append(hop == 0 ? "" : " ").append(HOPS.get(hop)).append(' ').append(ms(percentile(sortedHop, 0.99)));
            }
            results.put("hops_p50_ms", hopsP50.toString());
            results.put("hops_p99_ms", hopsP99.toString());
            results.put("post_p50_ms", ms(percentile(answer, 0.50)));
            results.put("post_p99_ms", ms(percentile(answer, 0.99)));
            results.put("max_in_flight", Integer.toString(maxInFlightSeen));
            results.put("max_send_lag_ms", ms(maxSendLagNanos));
            results.put("cpu_cores_used", cpu.summary(duration));
            results.put("cpu_cores_jit", cpu.jitSummary(duration));
            results.put("cpu_ms_per_confirmed_order", cpu.perOrder(confirmedInWindow));
            results.put("cpu_cores_idle", idleCpu);
            results.put("events_seen", Long.toString(eventsSeen.get()));
            results.put("events_without_ce_type", Long.toString(eventsWithoutType.get()));
            Map<String, Integer> errorCounts = new TreeMap<>();
            errors.forEach((k, v) -> errorCounts.put(k, v.get()));
            results.put("errors", errorCounts.isEmpty() ? "none" : errorCounts.toString());

            StringBuilder text = new StringBuilder();
            results.forEach((k, v) -> text.append(k).append('=').append(v.replace('\n', ' ')).append('\n'));
            Files.writeString(out.resolve("saga.properties"), text);
            System.out.print(text);
            timeline(windowStart);
        }

        /** Per second since the start of the load: orders sent, accepted, and terminal events arriving. */
        void timeline(long windowStart) throws IOException {
            int seconds = warmup + duration + drain + 1;
            int[][] rows = new int[seconds][5];
            for (int i = 0; i < total; i++) {
                int s = second(scheduled[i]);
                if (s < 0 || s >= seconds) {
                    continue;
                }
                if (status.get(i) != -1) {
                    rows[s][0]++;
                }
                if (status.get(i) == 202) {
                    rows[s][1]++;
                }
            }
            for (Terminal t : terminals.values()) {
                int s = second(t.at());
                if (s < 0 || s >= seconds) {
                    continue;
                }
                rows[s][t.type().equals(CONFIRMED) ? 2 : t.type().equals(REJECTED) ? 3 : 4]++;
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
            Files.writeString(out.resolve("saga-timeline.csv"), csv);
        }

        int second(long nanos) {
            return (int) Math.floorDiv(nanos - start, 1_000_000_000L);
        }
    }

    // ---------------------------------------------------------------- where the CPU went

    /**
     * CPU time per process of this machine over the measured window, from /proc/PID/stat, named by
     * what the command line runs: which service, PostgreSQL, the launcher (which hosts the embedded
     * Kafka broker and Mongo server), this generator. Shows which part saturates the cores.
     */
    static final class CpuUse {
        static final long TICKS_PER_SECOND = Long.parseLong(env("CLK_TCK", "100"));
        /** The shop's data folder, which the command line of its PostgreSQL server names. */
        static final String SHOP_DATA = env("SHOP_DATA", "shop-data");
        volatile Map<Long, Long> first = Map.of();
        volatile Map<Long, Long> last = Map.of();
        volatile long firstJit;
        volatile long lastJit;
        final Map<Long, String> names = new ConcurrentHashMap<>();

        void sampleAt(long from, long to) {
            Thread.ofVirtual().start(() -> {
                LockSupport.parkNanos(from - System.nanoTime());
                first = ticks();
                firstJit = jitTicks(first.keySet());
                LockSupport.parkNanos(to - System.nanoTime());
                last = ticks();
                lastJit = jitTicks(last.keySet());
            });
        }

        /** Of all the cores used, how many the JVMs' just-in-time compiler threads used. */
        String jitSummary(int seconds) {
            return last.isEmpty() ? "NA" : String.format(Locale.ROOT, "%.2f", (lastJit - firstJit) / (double) TICKS_PER_SECOND / seconds);
        }

        /** CPU milliseconds the whole machine spent per order, in the measured window. */
        String perOrder(long orders) {
            if (last.isEmpty() || orders == 0) {
                return "NA";
            }
            long total = 0;
            for (var entry : last.entrySet()) {
                total += entry.getValue() - first.getOrDefault(entry.getKey(), 0L);
            }
            return String.format(Locale.ROOT, "%.0f", total * 1000.0 / TICKS_PER_SECOND / orders);
        }

        /** CPU ticks of the C1 and C2 compiler threads of the shop's JVMs (and this generator's). */
        long jitTicks(java.util.Set<Long> pids) {
            long ticks = 0;
            for (long pid : pids) {
                String name = names.getOrDefault(pid, "");
                if (name.equals("postgresql") || name.startsWith("not-the-shop") || name.equals("postgres?")) {
                    continue;
                }
                try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                    for (Path task : (Iterable<Path>) tasks::iterator) {
                        try {
                            String stat = Files.readString(task.resolve("stat"));
                            String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                            if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
                                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                            }
                        } catch (IOException | RuntimeException gone) {
                            // The thread ended between listing and reading.
                        }
                    }
                } catch (IOException | RuntimeException gone) {
                    // The process ended.
                }
            }
            return ticks;
        }

        String summary(int seconds) {
            if (last.isEmpty()) {
                return "NA";
            }
            Map<String, Long> byName = new TreeMap<>();
            last.forEach((pid, ticks) -> byName.merge(names.get(pid), ticks - first.getOrDefault(pid, 0L), Long::sum));
            StringBuilder text = new StringBuilder();
            long total = 0;
            for (var entry : byName.entrySet()) {
                double cores = entry.getValue() / (double) TICKS_PER_SECOND / seconds;
                total += entry.getValue();
                if (cores >= 0.005) {
                    text.append(entry.getKey()).append(' ').append(String.format(Locale.ROOT, "%.2f", cores)).append(", ");
                }
            }
            return text + String.format(Locale.ROOT, "all %.2f of %d", total / (double) TICKS_PER_SECOND / seconds,
                    Runtime.getRuntime().availableProcessors());
        }

        Map<Long, Long> ticks() {
            Map<Long, Long> ticks = new java.util.HashMap<>();
            Map<Long, Long> parents = new java.util.HashMap<>();
            Map<Long, String> unnamed = new java.util.HashMap<>();
            try (var entries = Files.list(Path.of("/proc"))) {
                for (Path dir : (Iterable<Path>) entries::iterator) {
                    String pid = dir.getFileName().toString();
                    if (!pid.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        String stat = Files.readString(dir.resolve("stat"));
                        // After the parenthesised command name: state, ppid, ..., utime (14th field), stime (15th).
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long id = Long.parseLong(pid);
                        ticks.put(id, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                        parents.put(id, Long.parseLong(fields[1]));
                        if (!names.containsKey(id)) {
                            unnamed.put(id, nameOf(dir, stat));
                        }
                    } catch (IOException | RuntimeException gone) {
                        // The process ended between listing and reading.
                    }
                }
            } catch (IOException e) {
                return Map.of();
            }
            // PostgreSQL backends carry no data folder in their command line: they are the shop's
            // when their parent is the shop's postmaster.
            unnamed.forEach((pid, name) -> {
                if (name.equals("postgres?")) {
                    String parent = names.getOrDefault(parents.get(pid), unnamed.get(parents.get(pid)));
                    name = "postgresql".equals(parent) ? "postgresql" : "not-the-shop";
                }
                names.put(pid, name);
            });
            return ticks;
        }

        /**
         * A process of the benchmarked shop (its command line names the shop's data folder) by the jar
         * it runs; PostgreSQL's postmaster by name (its backends by their parent, see ticks()).
         */
        static String nameOf(Path dir, String stat) {
            List<String> arguments;
            try {
                arguments = List.of(new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8)
                        .split("\0"));
            } catch (IOException e) {
                arguments = List.of();
            }
            if (arguments.stream().anyMatch(argument -> argument.endsWith("SagaLoad.java"))) {
                return "load-generator";
            }
            String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            boolean ours = arguments.stream().anyMatch(argument -> argument.contains(SHOP_DATA));
            if (comm.startsWith("postgres")) {
                return ours ? "postgresql" : "postgres?";
            }
            if (!ours) {
                // Another shop on this machine (system tests, a developer's ./shop) runs the same jars.
                return "not-the-shop";
            }
            int jar = arguments.indexOf("-jar");
            String jarPath = jar >= 0 && jar + 1 < arguments.size() ? arguments.get(jar + 1) : "";
            for (String service : List.of("gateway", "catalog-service", "user-service", "order-service",
                    "inventory-service", "payment-service")) {
                if (jarPath.contains("/" + service + "/") || jarPath.contains("/" + service + ".jar")
                        || jarPath.contains("/" + service + "-")) {
                    return service;
                }
            }
            if (jarPath.contains("local-launcher")) {
                return "launcher(kafka+mongo)";
            }
            return "not-the-shop";
        }
    }

    // ---------------------------------------------------------------- HTTP

    HttpRequest order(String customer, List<String> books) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (String book : books) {
            items.add(Map.of("bookId", book, "quantity", 1 + ThreadLocalRandom.current().nextInt(2)));
        }
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("recipient", "韩梅梅");
        address.put("line1", "人民路 1 号");
        address.put("city", "北京");
        address.put("postalCode", "100000");
        address.put("country", "CN");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("shippingAddress", address);
        body.put("paymentMethod", "pm_card_visa");
        return request("/api/orders", customer)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(body(body))
                .build();
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    JsonNode call(String method, String path, String token, Object body, int expected)
            throws IOException, InterruptedException {
        HttpRequest request = request(path, token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body(body))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.BodyPublisher body(Object value) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String problemType(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            String type = problem.path("type").asText("");
            return type.isEmpty() ? problem.path("title").asText("") : type.substring(type.lastIndexOf('/') + 1);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    // ---------------------------------------------------------------- figures

    static long[] sorted(List<Long> values) {
        long[] array = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(array);
        return array;
    }

    /** Nearest-rank percentile; -1 when there is nothing to rank. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    static String ms(long nanos) {
        return nanos < 0 ? "NA" : fmt(nanos / 1e6);
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static void log(String format, Object... args) {
        System.out.printf("[saga] " + format + "%n", args);
    }
}
