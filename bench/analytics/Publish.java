import bookstore.events.CloudEvents;
import bookstore.events.IntegrationEvent;
import bookstore.events.Money;
import bookstore.events.Topic;
import bookstore.events.Topics;
import bookstore.events.catalog.BookAdded;
import bookstore.events.inventory.StockLevelChanged;
import bookstore.events.order.OrderConfirmed;
import bookstore.events.order.OrderLine;
import bookstore.events.order.OrderPlaced;
import bookstore.events.order.SaleRecorded;
import bookstore.platform.messaging.EventCodec;
import bookstore.platform.messaging.OutgoingEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes the benchmark's shop straight onto the topics, as the services would have over two years: every record
 * the service's {@link OutgoingEvent} makes of the real event classes (JSON value, CloudEvents headers with the
 * producing service as source), timestamped when the event happened. Books and stock first, then the days in order:
 * per order OrderPlaced and OrderConfirmed on orders.events.v1 and one SaleRecorded per line on sales.events.v1.
 *
 * <p>Environment: KAFKA, OUT, BOOKS (100000), CUSTOMERS (4000), ORDERS_PER_DAY (300), DAYS (730), SKEW (1.0),
 * SEED (20), ZONE (Asia/Shanghai). Writes OUT/publish.properties.
 */
public final class Publish {

    private static final EventCodec CODEC = new EventCodec();

    public static void main(String[] args) throws Exception {
        BenchEnv settings = new BenchEnv();
        int bookCount = settings.integer("BOOKS", 100_000);
        int customerCount = settings.integer("CUSTOMERS", 4_000);
        int ordersPerDay = settings.integer("ORDERS_PER_DAY", 300);
        int days = settings.integer("DAYS", 730);
        double skew = Double.parseDouble(settings.text("SKEW", "1.0"));
        long seed = settings.integer("SEED", 20);
        ZoneId zone = ZoneId.of(settings.text("ZONE", "Asia/Shanghai"));
        String kafka = settings.required("KAFKA");
        Path out = Path.of(settings.required("OUT"));

        List<Topic<?>> topics = List.of(Topics.CATALOG_BOOKS, Topics.INVENTORY_STOCK, Topics.ORDER_EVENTS,
                Topics.SALES_EVENTS);
        Map<String, String> retention = declare(kafka, topics);

        long began = System.nanoTime();
        History history = new History(bookCount, customerCount, skew, seed, zone);
        Map<String, Long> published = new LinkedHashMap<>();
        Map<String, Long> bytes = new HashMap<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Properties producerProperties = new Properties();
        producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProperties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        producerProperties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        producerProperties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        LocalDate today = LocalDate.now(zone);
        LocalDate first = today.minusDays(days);
        long orders = 0;
        long lines = 0;
        long units = 0;
        long revenue = 0;
        java.util.Set<String> buyers = new java.util.HashSet<>();
        int busiestDay = 0;
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(producerProperties, new StringSerializer(), new ByteArraySerializer())) {
            Sender send = new Sender(producer, published, bytes, failure);
            // The catalogue and the stock as they stood before the first order (analytics keeps them in
            // global stores, so their time does not matter to the reports).
            Instant catalogued = first.minusDays(1).atStartOfDay(zone).toInstant();
            for (History.Book book : history.books) {
                send.send(Topics.CATALOG_BOOKS, new BookAdded(history.eventId("BookAdded", book.id(), 0), catalogued,
                        book.id(), book.isbn(), book.title(), book.authors(), new Money(book.price(), History.CURRENCY),
                        book.onHand(), book.publisher(), book.categories()), "catalog-service");
                send.send(Topics.INVENTORY_STOCK, new StockLevelChanged(history.eventId("Stock", book.id(), 0),
                        catalogued, book.id(), book.onHand(), book.reserved(), book.onHand() - book.reserved(), 1),
                        "inventory-service");
            }
            for (LocalDate day = first; day.isBefore(today); day = day.plusDays(1)) {
                int count = history.ordersOn(day, ordersPerDay);
                busiestDay = Math.max(busiestDay, count);
                List<History.Order> ofDay = new ArrayList<>(count);
                for (int n = 0; n < count; n++) {
                    ofDay.add(history.order(orders++, day));
                }
                ofDay.sort(java.util.Comparator.comparing(History.Order::placedAt));
                for (History.Order order : ofDay) {
                    List<OrderLine> orderLines = order.lines().stream()
                            .map(line -> new OrderLine(line.book().id(), line.quantity(),
                                    new Money(line.book().price(), History.CURRENCY)))
                            .toList();
                    Money total = new Money(order.total(), History.CURRENCY);
                    send.send(Topics.ORDER_EVENTS, new OrderPlaced(history.eventId("OrderPlaced", order.id(), 0),
                            order.placedAt(), order.id(), order.customer(), orderLines, total), "order-service");
                    send.send(Topics.ORDER_EVENTS, new OrderConfirmed(history.eventId("OrderConfirmed", order.id(), 0),
                            order.confirmedAt(), order.id(), total), "order-service");
                    int n = 0;
                    for (History.Line line : order.lines()) {
                        send.send(Topics.SALES_EVENTS, new SaleRecorded(history.eventId("SaleRecorded", order.id(), n++),
                                order.confirmedAt(), order.id(), line.book().id(), line.quantity(),
                                new Money(line.book().price(), History.CURRENCY), order.customer(),
                                order.confirmedAt()), "order-service");
                        lines++;
                        units += line.quantity();
                        revenue += line.book().price() * line.quantity();
                    }
                    buyers.add(order.customer());
                }
                if (failure.get() != null) {
                    throw failure.get();
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        Properties result = new Properties();
        result.put("books", String.valueOf(bookCount));
        result.put("customers", String.valueOf(customerCount));
        result.put("customers_buying", String.valueOf(buyers.size()));
        result.put("orders_per_day", String.valueOf(ordersPerDay));
        result.put("busiest_day_orders", String.valueOf(busiestDay));
        result.put("days", String.valueOf(days));
        result.put("first_day", first.toString());
        result.put("last_day", today.minusDays(1).toString());
        result.put("skew", String.valueOf(skew));
        result.put("orders", String.valueOf(orders));
        result.put("lines", String.valueOf(lines));
        result.put("units", String.valueOf(units));
        result.put("revenue_yuan", String.valueOf(revenue / 100));
        result.put("busiest_book", history.busiest().id());
        result.put("busiest_book_category", history.busiest().categories().getFirst());
        result.put("publish_seconds", Stats.fmt(seconds));
        published.forEach((topic, count) -> {
            result.put("published." + topic, String.valueOf(count));
            result.put("value_bytes." + topic, String.valueOf(bytes.get(topic)));
        });
        retention.forEach((topic, value) -> result.put("retention." + topic, value));
        BenchEnv.write(out.resolve("publish.properties"), result);
        System.out.printf("published %s in %s s%n", published, Stats.fmt(seconds));
        System.out.printf("%d orders, %d lines, %d customers buying, busiest book %s%n", orders, lines, buyers.size(),
                history.busiest().id());
    }

    /** One event as its service's outbox would publish it, timestamped when it happened. */
    private record Sender(KafkaProducer<String, byte[]> producer, Map<String, Long> published, Map<String, Long> bytes,
            AtomicReference<Exception> failure) {

        <E extends IntegrationEvent> void send(Topic<E> topic, E event, String source) {
            OutgoingEvent outgoing = OutgoingEvent.of(topic, event, CODEC);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic.name(), null,
                    event.occurredAt().toEpochMilli(), outgoing.key(), outgoing.payload(),
                    outgoing.headers(CloudEvents.sourceOf(source)));
            published.merge(topic.name(), 1L, Long::sum);
            bytes.merge(topic.name(), (long) outgoing.payload().length, Long::sum);
            producer.send(record, (metadata, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
            });
        }
    }

    /**
     * Creates the topics as the services declare them (partitions, retention) when they are not there yet, and
     * says how long each keeps records: history two years old is gone at once from a topic that keeps 7 days.
     */
    static Map<String, String> declare(String kafka, List<Topic<?>> topics)
            throws InterruptedException, ExecutionException {
        Map<String, String> retention = new LinkedHashMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            Set<String> existing = admin.listTopics().names().get();
            for (Topic<?> topic : topics) {
                if (!existing.contains(topic.name())) {
                    try {
                        admin.createTopics(List.of(new NewTopic(topic.name(), topic.partitions(), (short) 1)
                                        .configs(topic.retention().topicConfig())))
                                .all()
                                .get();
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                    }
                }
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
                Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
                String policy = config.get("cleanup.policy").value();
                String ms = config.get("retention.ms").value();
                retention.put(topic.name(), policy + ", retention.ms " + ms);
                if (policy.contains("delete") && !"-1".equals(ms)) {
                    throw new IllegalStateException(topic.name() + " keeps records " + ms
                            + " ms only: the history would be deleted as it arrives");
                }
            }
        }
        return retention;
    }
}
