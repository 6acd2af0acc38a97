package bookstore.systemtests.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.systemtests.support.Customer;
import bookstore.systemtests.support.Listings;
import bookstore.systemtests.support.Shop;
import bookstore.systemtests.support.SystemTest;
import bookstore.systemtests.support.TopicEnds;
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

    private final Shop shop;

    TopicReplaySystemTests(Shop shop) {
        this.shop = shop;
    }

    @Test
    void replayingEveryTopicFromTheBeginningChangesNothing() throws Exception {
        try (Admin kafka = Admin.create(clientConfig())) {
            awaitConsumersCaughtUp(kafka);
            awaitMailSent();
            Map<String, List<JsonNode>> before = state();
            List<String> mailBefore = mail();
            Map<TopicPartition, Long> ends = endOffsets(kafka);
            assertThat(ends).as("topics to replay").isNotEmpty();

            Map<String, Long> replayedPerTopic = replay(ends);
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
                                    + " (per topic, published after the replay: %s; replayed: %s)",
                            publishedPerTopic, new TreeMap<>(replayedPerTopic))
                    .isEqualTo(replayed);
            assertThat(state()).isEqualTo(before);
            awaitMailSent();
            assertThat(mail())
                    .as("what the shop mailed: nobody is mailed twice")
                    .isEqualTo(mailBefore);
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
     * Reads every record up to today's end and publishes it again, unchanged, to its own partition;
     * tells how many per topic.
     */
    private Map<String, Long> replay(Map<TopicPartition, Long> ends) {
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

    /**
     * Waits until every consumer group has committed up to the end of every partition it reads. A group has read a
     * partition written in transactions when nothing but transaction markers lies between its offset and the end.
     */
    private void awaitConsumersCaughtUp(Admin kafka) {
        try (KafkaConsumer<byte[], byte[]> markers = new KafkaConsumer<>(consumerConfig())) {
            await("every consumer group caught up")
                    .atMost(CATCH_UP)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        Map<TopicPartition, Long> ends = endOffsets(kafka);
                        for (ConsumerGroupListing group :
                                kafka.listConsumerGroups().all().get()) {
                            Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(
                                            group.groupId())
                                    .partitionsToOffsetAndMetadata()
                                    .get();
                            for (Map.Entry<TopicPartition, OffsetAndMetadata> offset : committed.entrySet()) {
                                Long end = ends.get(offset.getKey());
                                if (end != null
                                        && offset.getValue() != null
                                        && offset.getValue().offset() < end
                                        && recordsBetween(
                                                markers,
                                                offset.getKey(),
                                                offset.getValue().offset(),
                                                end)) {
                                    return false;
                                }
                            }
                        }
                        return true;
                    });
        }
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
