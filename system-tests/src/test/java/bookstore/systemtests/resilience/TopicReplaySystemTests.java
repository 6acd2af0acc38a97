package bookstore.systemtests.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.events.CloudEvents;
import bookstore.systemtests.support.Customer;
import bookstore.systemtests.support.Listings;
import bookstore.systemtests.support.Shop;
import bookstore.systemtests.support.SystemTest;
import bookstore.systemtests.support.TopicEnds;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every record of every topic delivered a second time, as a consumer rewound to the beginning
 * would see it: the shop's state does not change, no service publishes anything in reply, and nobody is mailed again.
 * Runs last, on everything the earlier tests left behind.
 */
@SystemTest
@Order(Order.DEFAULT + 10)
class TopicReplaySystemTests {

    private static final Duration CATCH_UP = Duration.ofMinutes(3);
    private static final String RECOMMENDATIONS = "analytics.recommendations.v1";
    /** The statuses in which an order moves on by itself, when an answer comes or its deadline passes. */
    private static final List<String> IN_SAGA = List.of("PENDING", "AWAITING_PAYMENT");
    /** The databases of the services that publish through an outbox table. */
    private static final List<String> OUTBOXES = List.of("users", "orders", "inventory", "payments");

    private final Shop shop;

    TopicReplaySystemTests(Shop shop) {
        this.shop = shop;
    }

    @Test
    void replayingEveryTopicFromTheBeginningChangesNothing() throws Exception {
        try (Admin kafka = Admin.create(clientConfig())) {
            awaitQuiet(kafka);
            Map<String, List<JsonNode>> before = state();
            List<String> mailBefore = mail();
            Map<TopicPartition, Long> ends = endOffsets(kafka);
            assertThat(ends).as("topics to replay").isNotEmpty();

            Map<String, Integer> replayedIds = new HashMap<>();
            Map<String, Long> replayedPerTopic = replay(ends, replayedIds);
            long replayed = replayedPerTopic.entrySet().stream()
                    .filter(topic -> !topic.getKey().equals(RECOMMENDATIONS))
                    .map(Map.Entry::getValue)
                    .mapToLong(Long::longValue)
                    .sum();

            awaitConsumersCaughtUp(kafka);
            Map<TopicPartition, Long> after = endOffsets(kafka);
            Map<String, Long> publishedPerTopic = new TreeMap<>();
            after.forEach((partition, end) -> {
                // Analytics publishes the recommendation lists that changed every 30 s, not in reply to anything: the
                // last orders of earlier tests may still change some while the replay runs. Its records are written in
                // transactions, whose markers take offsets too. It is replayed, but not counted.
                if (!partition.topic().equals(RECOMMENDATIONS)) {
                    publishedPerTopic.merge(partition.topic(), end - ends.getOrDefault(partition, 0L), Long::sum);
                }
            });
            long published = publishedPerTopic.values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            assertThat(replayed).as("records replayed").isPositive();
            assertThat(published)
                    .as(
                            "records on the topics after the replay: the replayed ones, and nothing published in reply"
                                    + " (per topic, published after the replay: %s; replayed: %s; not replayed: %s)",
                            publishedPerTopic,
                            new TreeMap<>(replayedPerTopic),
                            published == replayed ? List.of() : notReplayed(ends, after, replayedIds))
                    .isEqualTo(replayed);
            assertThat(state()).isEqualTo(before);
            awaitMailSent();
            assertThat(mail())
                    .as("what the shop mailed: nobody is mailed twice")
                    .isEqualTo(mailBefore);
        }
    }

    /**
     * Waits until nothing is under way that would publish on its own while the replay runs: no order waits in the saga
     * (an unpaid one would time out, 30 s after its stock was reserved, and be compensated), no service holds an event
     * it has not yet published, no payment waits for the provider, every consumer has read to the end, and every mail
     * asked for is sent. Without this, an order of an earlier test timing out during the replay looks like an answer
     * to it.
     */
    private void awaitQuiet(Admin kafka) {
        try (KafkaConsumer<byte[], byte[]> markers = new KafkaConsumer<>(consumerConfig())) {
            await("the shop quiet: no order in the saga, no event waiting in an outbox, no provider call due,"
                            + " every consumer caught up")
                    .atMost(CATCH_UP)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() ->
                            noOrderInSaga() && noEventWaiting() && noProviderCallDue() && caughtUp(kafka, markers));
        }
        awaitMailSent();
    }

    private boolean noOrderInSaga() {
        return IN_SAGA.stream().allMatch(status -> ordersIn(status) == 0);
    }

    private boolean noEventWaiting() throws SQLException {
        for (String database : OUTBOXES) {
            if (waitingIn(database) > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether no payment still needs the provider: a charge, check, close or refund still to be made (after a kill,
     * one whose answer was lost is made again once its lease has passed) would publish its outcome during the replay.
     */
    private boolean noProviderCallDue() throws SQLException {
        return count("payments", "SELECT count(*) FROM payment WHERE next_provider_call_at IS NOT NULL") == 0;
    }

    private long ordersIn(String status) {
        return shop.admin()
                .get("/api/orders?status=" + status + "&size=1")
                .expect(200)
                .json()
                .get("total")
                .asLong();
    }

    /** The events a service has committed and its relay has not yet deleted as published. */
    private long waitingIn(String database) throws SQLException {
        return count(database, "SELECT count(*) FROM outbox_event");
    }

    private long count(String database, String query) throws SQLException {
        try (Connection connection = shop.database(database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Every mail the shop sent, by recipient, subject and Message-ID (sorted: sending order may differ). */
    private List<String> mail() {
        return shop.mail().messages().stream()
                .map(mail -> mail.to() + " | " + mail.subject() + " | " + mail.id())
                .sorted()
                .toList();
    }

    /** Waits until notification-service has no mail left to send: what the events so far asked for is out. */
    private void awaitMailSent() {
        await("notification-service has sent what it has to send")
                .atMost(CATCH_UP)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> shop.admin()
                                .get("/api/notifications?status=PENDING")
                                .expect(200)
                                .json()
                                .get("total")
                                .asLong()
                        == 0);
    }

    /** What customers and admins can see of the shop: orders, payments, stock, the catalogue, accounts. */
    private Map<String, List<JsonNode>> state() {
        Customer admin = shop.admin();
        Map<String, List<JsonNode>> state = new LinkedHashMap<>();
        state.put("orders", all(admin, "/api/orders", "id"));
        state.put("payments", all(admin, "/api/payments", "id"));
        state.put("users", all(admin, "/api/users", "id"));
        List<JsonNode> books = all(admin, "/api/books", "id");
        state.put("books", books);
        List<JsonNode> stock = all(admin, "/api/inventory", "bookId");
        assertThat(stock)
                .as("a stock record for every book")
                .extracting(record -> record.get("bookId").asString())
                .containsAll(
                        books.stream().map(book -> book.get("id").asString()).toList());
        state.put("stock", stock);
        return state;
    }

    /**
     * Every item of a paged listing, ordered by its id: what is stored, not the order a listing shows it
     * in (books tied on the listing's sort key may come in another order once re-indexed).
     */
    private static List<JsonNode> all(Customer admin, String path, String id) {
        List<JsonNode> items = new ArrayList<>(Listings.all(admin, path));
        items.sort(Comparator.comparing(item -> item.get(id).asString()));
        return items;
    }

    /**
     * The records written after the replay began that are not copies it made, each with what it says of itself, so a
     * failure names what was published in reply: every record between the old and the new end whose event id the
     * replay did not send (as often as it sent it). "earlier" marks an event id already on the topic before the
     * replay, a second publication of an old event rather than a new one.
     */
    private List<String> notReplayed(
            Map<TopicPartition, Long> ends, Map<TopicPartition, Long> after, Map<String, Integer> replayedIds) {
        Map<String, Integer> unmatched = new HashMap<>(replayedIds);
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig())) {
            after.forEach((partition, end) -> {
                long from = ends.getOrDefault(partition, 0L);
                if (end <= from || partition.topic().equals(RECOMMENDATIONS)) {
                    return;
                }
                consumer.assign(List.of(partition));
                consumer.seek(partition, from);
                while (consumer.position(partition) < end) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                        if (record.offset() >= end) {
                            continue;
                        }
                        String id = header(record, CloudEvents.ID);
                        String copy = record.topic() + "/" + id;
                        if (unmatched.merge(copy, -1, Integer::sum) < 0) {
                            found.add("%s-%d@%d key=%s type=%s id=%s time=%s%s value=%s"
                                    .formatted(
                                            record.topic(),
                                            record.partition(),
                                            record.offset(),
                                            record.key() == null
                                                    ? null
                                                    : new String(record.key(), StandardCharsets.UTF_8),
                                            header(record, CloudEvents.TYPE),
                                            id,
                                            header(record, CloudEvents.TIME),
                                            replayedIds.containsKey(copy) ? " earlier" : "",
                                            record.value() == null
                                                    ? null
                                                    : new String(record.value(), StandardCharsets.UTF_8)));
                        }
                    }
                }
            });
        }
        return found;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * Reads every record up to today's end and publishes it again, unchanged, to its own partition;
     * tells how many per topic, and counts each topic's event ids in {@code ids}.
     */
    private Map<String, Long> replay(Map<TopicPartition, Long> ends, Map<String, Integer> ids) {
        Map<String, Long> count = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig());
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig())) {
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            Set<TopicPartition> unfinished = new HashSet<>(ends.keySet());
            unfinished.removeIf(partition -> ends.get(partition) == 0);
            while (!unfinished.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= ends.get(partition)) {
                        continue;
                    }
                    producer.send(new ProducerRecord<>(
                            record.topic(), record.partition(), record.key(), record.value(), record.headers()));
                    count.merge(record.topic(), 1L, Long::sum);
                    ids.merge(record.topic() + "/" + header(record, CloudEvents.ID), 1, Integer::sum);
                }
                unfinished.removeIf(partition -> consumer.position(partition) >= ends.get(partition));
            }
            producer.flush();
        }
        return count;
    }

    /**
     * The end of every partition of the shop's topics. Dead-letter topics have no consumers to replay to; analytics'
     * Kafka Streams topics (changelogs, repartitions) are its own internals, not a contract anyone replays.
     */
    private static Map<TopicPartition, Long> endOffsets(Admin kafka) throws Exception {
        return TopicEnds.of(
                kafka,
                topic -> !topic.endsWith(".dlt") && !topic.endsWith("-changelog") && !topic.endsWith("-repartition"));
    }

    /** Waits until every consumer group has read to the end of every partition it reads. */
    private void awaitConsumersCaughtUp(Admin kafka) {
        try (KafkaConsumer<byte[], byte[]> markers = new KafkaConsumer<>(consumerConfig())) {
            await("every consumer group caught up")
                    .atMost(CATCH_UP)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> caughtUp(kafka, markers));
        }
    }

    /**
     * Whether every consumer group has committed up to the end of every partition it reads. A group has read a
     * partition written in transactions when nothing but transaction markers lies between its offset and the end.
     */
    private static boolean caughtUp(Admin kafka, KafkaConsumer<byte[], byte[]> markers) throws Exception {
        Map<TopicPartition, Long> ends = endOffsets(kafka);
        for (ConsumerGroupListing group : kafka.listConsumerGroups().all().get()) {
            Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata()
                    .get();
            for (Map.Entry<TopicPartition, OffsetAndMetadata> offset : committed.entrySet()) {
                Long end = ends.get(offset.getKey());
                if (end != null
                        && offset.getValue() != null
                        && offset.getValue().offset() < end
                        && recordsBetween(
                                markers, offset.getKey(), offset.getValue().offset(), end)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether a committed reader finds any record in [from, to) of the partition (not only transaction markers). */
    private static boolean recordsBetween(
            KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition, long from, long to) {
        consumer.assign(List.of(partition));
        consumer.seek(partition, from);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (consumer.position(partition) < to && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() < to) {
                    return true;
                }
            }
        }
        return consumer.position(partition) < to;
    }

    private Properties clientConfig() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, shop.kafkaBootstrapServers());
        return config;
    }

    private Properties consumerConfig() {
        Properties config = clientConfig();
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // What a shop consumer sees: committed transactions only (analytics writes in transactions).
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return config;
    }

    private Properties producerConfig() {
        Properties config = clientConfig();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return config;
    }
}
