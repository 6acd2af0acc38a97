package bookstore.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaServerTests {

    private static KafkaServer kafka;

    @BeforeAll
    static void startKafka() {
        kafka = KafkaServer.start();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void deliversAProducedRecordToAConsumer() throws Exception {
        createTopic(kafka, "books.events.v1");

        send(kafka, "books.events.v1", "book-1", "{\"title\":\"三体\"}");

        assertThat(readAll(kafka, "books.events.v1", 1)).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("book-1");
            assertThat(record.value()).isEqualTo("{\"title\":\"三体\"}");
        });
    }

    @Test
    void doesNotCreateATopicOnFirstUse() throws Exception {
        try (KafkaProducer<String, String> producer = producer(kafka, Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("nobody.declared.v1", "k", "v"))
                            .get())
                    .hasCauseInstanceOf(TimeoutException.class);
        }
        try (Admin admin = admin(kafka)) {
            assertThat(admin.listTopics().names().get()).doesNotContain("nobody.declared.v1");
        }
    }

    @Test
    void keepsTopicsAndRecordsAcrossARestartOnTheSameDirectory(@TempDir Path directory) throws Exception {
        try (KafkaServer first = KafkaServer.start(0, directory)) {
            createTopic(first, "orders.events.v1");
            send(first, "orders.events.v1", "order-1", "placed");
        }

        try (KafkaServer second = KafkaServer.start(0, directory)) {
            assertThat(readAll(second, "orders.events.v1", 1))
                    .extracting(ConsumerRecord::value)
                    .containsExactly("placed");
        }
    }

    @Test
    void deletesATemporaryDirectoryOnClose() {
        KafkaServer throwAway = KafkaServer.start();
        Path directory = throwAway.dataDirectory();
        assertThat(directory).isDirectory();

        throwAway.close();

        assertThat(Files.exists(directory)).isFalse();
    }

    private static void createTopic(KafkaServer server, String topic) throws ExecutionException, InterruptedException {
        try (Admin admin = admin(server)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    private static void send(KafkaServer server, String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = producer(server, Duration.ofSeconds(30))) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static List<ConsumerRecord<String, String>> readAll(KafkaServer server, String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                server.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "reader-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static KafkaProducer<String, String> producer(KafkaServer server, Duration maxBlock) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                server.bootstrapServers(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                (int) maxBlock.toMillis());
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static Admin admin(KafkaServer server) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, server.bootstrapServers()));
    }
}
