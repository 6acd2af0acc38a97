package bookstore.catalog.book.messaging;

import static bookstore.catalog.BookJson.book;
import static bookstore.catalog.BookJson.with;
import static bookstore.catalog.UpstreamEvents.stockChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.catalog.CatalogueApi;
import bookstore.catalog.CatalogueIntegrationTest;
import bookstore.catalog.TestIsbns;
import bookstore.catalog.UpstreamEvents;
import bookstore.events.Topics;
import bookstore.events.inventory.StockLevelChanged;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Inventory's stock facts, produced to Kafka as inventory will, keep the catalogue's availability current. */
@CatalogueIntegrationTest
class AvailabilityIntegrationTests {

    static final String GROUP = "catalog-service.book-availability";

    @Autowired
    WebTestClient http;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    CatalogueApi api;
    UpstreamEvents inventory;

    @BeforeEach
    void connect() {
        api = new CatalogueApi(http);
        inventory = new UpstreamEvents(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        inventory.close();
    }

    @Test
    void stockFactMakesABookAvailableInDetailAndSearch() throws Exception {
        String title = "Restocked " + System.nanoTime();
        String id = api.add(with(book(TestIsbns.next(), title, "An Author", "en"), "initialStock", 0));
        assertThat(inStock(id)).isFalse();

        inventory.send(Topics.INVENTORY_STOCK, stockChanged(id, 5, 1));

        await().atMost(Duration.ofSeconds(20)).until(() -> inStock(id));
        assertThat(available(id)).isEqualTo(5);
        await().untilAsserted(() -> assertThat(CatalogueApi.ids(
                        api.search(uri -> uri.queryParam("q", title).queryParam("inStock", true))))
                .containsExactly(id));
    }

    @Test
    void olderOrRepeatedFactsChangeNothing() throws Exception {
        String id = api.add(with(book(TestIsbns.next(), "Versioned Stock", "An Author", "en"), "initialStock", 0));
        StockLevelChanged current = stockChanged(id, 5, 3);
        RecordMetadata applied = inventory.send(Topics.INVENTORY_STOCK, current);
        await().atMost(Duration.ofSeconds(20)).until(() -> inventory.handled(GROUP, applied));

        inventory.send(Topics.INVENTORY_STOCK, stockChanged(id, 0, 2)); // older than what the catalogue has
        inventory.send(
                Topics.INVENTORY_STOCK, stockChanged(id, 9, 3)); // same version, different figure: not newer either
        RecordMetadata redelivered = inventory.send(Topics.INVENTORY_STOCK, current);
        await().atMost(Duration.ofSeconds(20)).until(() -> inventory.handled(GROUP, redelivered));

        assertThat(available(id)).isEqualTo(5);
    }

    @Test
    void factAboutAnUnknownBookIsHarmless() throws Exception {
        RecordMetadata unknown =
                inventory.send(Topics.INVENTORY_STOCK, stockChanged("7c9e6679-7425-40de-944b-e07fc1f90ae7", 4, 1));

        await().atMost(Duration.ofSeconds(20)).until(() -> inventory.handled(GROUP, unknown));
    }

    private boolean inStock(String id) {
        return (Boolean) availability(id).get("inStock");
    }

    private int available(String id) {
        return (Integer) availability(id).get("available");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> availability(String id) {
        return (Map<String, Object>) api.book(id).get("availability");
    }
}
