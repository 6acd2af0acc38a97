import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Watches the saga on Kafka: a consumer assigned to every partition of the saga's topics (from
 * their end, before the first order) notes when each order's terminal event (OrderConfirmed,
 * OrderRejected, OrderCancelled, told apart by the CloudEvents {@code ce_type} header) arrives on
 * orders.events.v1, and when each of the saga's command and reply records arrives, which splits
 * POST to CONFIRMED into its legs. No order is polled over HTTP.
 */
final class SagaWatcher implements AutoCloseable {

    static final String ORDER_EVENTS = "orders.events.v1";
    static final String CONFIRMED = "bookstore.order.OrderConfirmed";
    static final String REJECTED = "bookstore.order.OrderRejected";
    static final String CANCELLED = "bookstore.order.OrderCancelled";

    /** The saga's records in order, by ce_type (all keyed by orderId). */
    static final List<String> STEPS = List.of(
            "bookstore.order.OrderPlaced",
            "bookstore.order.ReserveStock",
            "bookstore.inventory.StockReserved",
            "bookstore.order.ChargePayment",
            "bookstore.payment.PaymentSucceeded",
            CONFIRMED);
    /** The topics they travel on. */
    static final List<String> SAGA_TOPICS = List.of(
            ORDER_EVENTS, "inventory.commands.v1", "inventory.reservations.v1", "payments.commands.v1", "payments.events.v1");
    /** The legs between consecutive records of STEPS: who was working, and for how long. */
    static final List<String> HOPS = List.of(
            "POST→ReserveStock(order)",
            "→StockReserved(inventory)",
            "→ChargePayment(order)",
            "→PaymentSucceeded(payment)",
            "→OrderConfirmed(order)");

    record Terminal(long at, String type) {}

    /** orderId → arrival (System.nanoTime) and ce_type of its first terminal event. */
    final Map<String, Terminal> terminals = new ConcurrentHashMap<>();
    /** orderId → arrival of each of STEPS (0: not seen); written by the consumer thread only. */
    final Map<String, long[]> steps = new ConcurrentHashMap<>();
    final AtomicLong eventsSeen = new AtomicLong();
    final AtomicLong eventsWithoutType = new AtomicLong();
    /** Fetch requests this consumer sent (its own client metric), to tell them from the shop's. */
    private volatile long fetchRequests;
    private volatile boolean consuming = true;
    private final Thread thread;

    private SagaWatcher(Thread thread) {
        this.thread = thread;
    }

    static SagaWatcher start(String kafka) throws InterruptedException {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Only committed outbox records count: an order is confirmed when its event is durable.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "saga-bench");
        CountDownLatch positioned = new CountDownLatch(1);
        SagaWatcher[] self = new SagaWatcher[1];
        Thread thread = Thread.ofPlatform().name("saga-events").daemon().unstarted(() -> {
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
                self[0].consume(consumer);
            } catch (Exception e) {
                Settings.log("consumer failed: %s", e);
                positioned.countDown();
            }
        });
        self[0] = new SagaWatcher(thread);
        thread.start();
        if (!positioned.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no partitions of " + SAGA_TOPICS + " at " + kafka);
        }
        return self[0];
    }

    private void consume(KafkaConsumer<byte[], byte[]> consumer) throws Exception {
        Metric fetches = null;
        for (Map.Entry<MetricName, ? extends Metric> metric : consumer.metrics().entrySet()) {
            if (metric.getKey().name().equals("fetch-total")
                    && metric.getKey().group().equals("consumer-fetch-manager-metrics")
                    && !metric.getKey().tags().containsKey("topic")) {
                fetches = metric.getValue();
            }
        }
        while (consuming) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                seen(record, System.nanoTime());
            }
            if (fetches != null) {
                fetchRequests = (long) ((Number) fetches.metricValue()).doubleValue();
            }
        }
    }

    private void seen(ConsumerRecord<byte[], byte[]> record, long now) throws Exception {
        eventsSeen.incrementAndGet();
        Header type = record.headers().lastHeader("ce_type");
        if (type == null) {
            eventsWithoutType.incrementAndGet();
            return;
        }
        String ceType = new String(type.value(), StandardCharsets.UTF_8);
        int step = STEPS.indexOf(ceType);
        boolean terminal = ceType.equals(CONFIRMED) || ceType.equals(REJECTED) || ceType.equals(CANCELLED);
        if (step < 0 && !terminal) {
            return;
        }
        String orderId = record.key() != null
                ? new String(record.key(), StandardCharsets.UTF_8)
                : ShopApi.JSON.readTree(record.value()).path("orderId").asText();
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

    /** Fetch requests this consumer has sent so far; -1 when its client does not say. */
    long fetchRequests() {
        return fetchRequests;
    }

    /** OrderConfirmed events that arrived from {@code from} (inclusive) to {@code to} (System.nanoTime). */
    long confirmedBetween(long from, long to) {
        return terminals.values().stream()
                .filter(t -> t.type().equals(CONFIRMED) && t.at() >= from && t.at() < to)
                .count();
    }

    /** Waits up to {@code seconds} for the order's terminal event; null when none came. */
    Terminal awaitTerminal(String orderId, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!terminals.containsKey(orderId) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return terminals.get(orderId);
    }

    @Override
    public void close() {
        consuming = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
