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
import bookstore.catalog.search.index.BookIndex;
import bookstore.events.Topics;
import bookstore.events.inventory.StockLevelChanged;
import java.time.Duration;
import java.util.List;
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

    @Autowired
    BookIndex index;

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
    void aBurstOfFactsIsMadeSearchableInAFewIndexRefreshes() throws Exception {
        String title = "Busy Shelf " + System.nanoTime();
        String id = api.add(with(book(TestIsbns.next(), title, "An Author", "en"), "initialStock", 0));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !CatalogueApi.ids(api.search(title)).isEmpty());
        long refreshesBefore = index.refreshes();

        int facts = 60;
        for (int version = 1; version <= facts; version++) {
            inventory.send(Topics.INVENTORY_STOCK, stockChanged(id, version, version));
        }

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(searchedAvailable(title)).isEqualTo(facts));
        // Every order moves stock; a refresh per fact would reopen the index and empty the result
        // cache with each one. The follower makes what one poll brought searchable at once.
        assertThat(index.refreshes() - refreshesBefore).isPositive().isLessThan(facts / 3);
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

    @SuppressWarnings("unchecked")
    private int searchedAvailable(String title) {
        List<Map<String, Object>> items =
                (List<Map<String, Object>>) api.search(title).get("items");
        assertThat(items).hasSize(1);
        return (Integer) ((Map<String, Object>) items.getFirst().get("availability")).get("available");
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
