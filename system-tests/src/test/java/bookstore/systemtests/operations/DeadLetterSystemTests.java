package bookstore.systemtests.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.systemtests.support.Customer;
import bookstore.systemtests.support.DeadLetters;
import bookstore.systemtests.support.Shop;
import bookstore.systemtests.support.SystemTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Dead letters as an operator meets them, through the gateway (ADR 20, docs/runbooks/dead-letters.md):
 * a record inventory-service cannot read is dead-lettered, listed, inspected, dry-run and re-driven
 * by an admin; it fails again and stays waiting. Customers are refused. A re-drive whose cause is
 * gone changing state once is platform's DeadLettersIntegrationTests.
 */
@SystemTest
class DeadLetterSystemTests {

    private static final String TOPIC = "inventory.commands.v1";
    private static final String DEAD_LETTERS = "/api/dead-letters/inventory-service";

    private final Shop shop;

    DeadLetterSystemTests(Shop shop) {
        this.shop = shop;
    }

    @Test
    void anUnreadableCommandIsListedInspectedAndRedrivenByAnAdminThroughTheGateway() throws Exception {
        Map<String, Long> before = DeadLetters.count(shop);
        String key = UUID.randomUUID().toString();
        publishUnreadable(key, "not an event: " + key);

        Customer admin = shop.admin();
        JsonNode deadLetter = await("the record dead-lettered and listed")
                .atMost(Duration.ofSeconds(60))
                .until(() -> find(admin, key), Optional::isPresent)
                .orElseThrow();
        assertThat(deadLetter.get("originalTopic").asString()).isEqualTo(TOPIC);
        assertThat(deadLetter.get("group").asString()).startsWith("inventory-service.");
        assertThat(deadLetter.get("exceptionClass").asString()).isNotBlank();
        assertThat(DeadLetters.count(shop).get(TOPIC + ".dlt")).isEqualTo(before.getOrDefault(TOPIC + ".dlt", 0L) + 1);

        String record = DEAD_LETTERS + "/" + deadLetter.get("topic").asString() + "/"
                + deadLetter.get("partition").asInt() + "/"
                + deadLetter.get("offset").asLong();
        assertThat(admin.get(record).expect(200).json().get("payload").asString())
                .isEqualTo("not an event: " + key);

        JsonNode dryRun =
                admin.post(record + "/redrive?dryRun=true", null).expect(200).json();
        assertThat(dryRun.get("outcome").asString()).isEqualTo("WOULD_FAIL");
        assertThat(find(admin, key).orElseThrow().get("lastRedrive").isNull())
                .as("a dry run is not recorded")
                .isTrue();

        JsonNode redrive = admin.post(record + "/redrive", null).expect(200).json();
        assertThat(redrive.get("outcome").asString()).isEqualTo("FAILED");
        assertThat(redrive.get("failure").asString()).isNotBlank();
        assertThat(find(admin, key)
                        .orElseThrow()
                        .get("lastRedrive")
                        .get("outcome")
                        .asString())
                .isEqualTo("FAILED");

        Customer customer = shop.newCustomer();
        customer.get(DEAD_LETTERS).expect(403);
        customer.post(record + "/redrive", null).expect(403);
        admin.get(DEAD_LETTERS + "/" + TOPIC + ".dlt/0/999999999").expect(404);
    }

    private Optional<JsonNode> find(Customer admin, String key) {
        JsonNode items = admin.get(DEAD_LETTERS + "?topic=" + TOPIC + "&size=100")
                .expect(200)
                .json()
                .get("items");
        for (JsonNode item : items) {
            if (key.equals(item.get("key").asString())) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    /** A record without the CloudEvents headers every event carries: no consumer can read it. */
    private void publishUnreadable(String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                shop.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG,
                "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(TOPIC, key, value.getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
    }
}
