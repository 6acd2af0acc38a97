package bookstore.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
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
    void aBrokerInItsOwnProcessKeepsItsRecordsWhenKilledAndStartedAgain(@TempDir Path directory) throws Exception {
        int port;
        try (KafkaServer probe = KafkaServer.start()) {
            port = probe.port();
        }
        Path data = directory.resolve("kafka");
        Path ready = directory.resolve("kafka.ready");
        Process first = startProcess(port, data, ready);
        try {
            awaitReady(first, ready);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port))) {
                admin.createTopics(List.of(new NewTopic("orders.events.v1", 1, (short) 1)))
                        .all()
                        .get();
            }
            try (KafkaProducer<String, String> producer = producer("localhost:" + port, Duration.ofSeconds(30))) {
                producer.send(new ProducerRecord<>("orders.events.v1", "order-1", "placed"))
                        .get();
            }
        } finally {
            first.destroyForcibly().waitFor();
        }
        assertThat(first.exitValue()).as("exit status after SIGKILL").isEqualTo(128 + 9);

        Process second = startProcess(port, data, ready);
        try {
            awaitReady(second, ready);
            assertThat(readAll("localhost:" + port, "orders.events.v1", 1))
                    .extracting(ConsumerRecord::value)
                    .containsExactly("placed");
        } finally {
            second.destroy();
            assertThat(second.waitFor(30, TimeUnit.SECONDS))
                    .as("stopped by SIGTERM")
                    .isTrue();
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

    private static Process startProcess(int port, Path data, Path ready) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(
                        java.toString(),
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        KafkaServer.class.getName(),
                        String.valueOf(port),
                        data.toString(),
                        ready.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** The process announces its id in the ready file once the broker serves clients. */
    private static void awaitReady(Process broker, Path ready) {
        await().atMost(Duration.ofMinutes(1)).until(() -> {
            assertThat(broker.isAlive()).as("the broker process is alive").isTrue();
            return Files.isRegularFile(ready) && Files.readString(ready).equals(String.valueOf(broker.pid()));
        });
    }

    private static List<ConsumerRecord<String, String>> readAll(KafkaServer server, String topic, int expected) {
        return readAll(server.bootstrapServers(), topic, expected);
    }

    private static List<ConsumerRecord<String, String>> readAll(String bootstrapServers, String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
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
        return producer(server.bootstrapServers(), maxBlock);
    }

    private static KafkaProducer<String, String> producer(String bootstrapServers, Duration maxBlock) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.MAX_BLOCK_MS_CONFIG, (int)
                        maxBlock.toMillis());
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static Admin admin(KafkaServer server) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, server.bootstrapServers()));
    }
}
