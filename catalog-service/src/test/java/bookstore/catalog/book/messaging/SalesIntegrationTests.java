package bookstore.catalog.book.messaging;

import static bookstore.catalog.BookJson.book;
import static bookstore.catalog.BookJson.with;
import static bookstore.catalog.UpstreamEvents.sold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.catalog.CatalogueApi;
import bookstore.catalog.CatalogueIntegrationTest;
import bookstore.catalog.TestIsbns;
import bookstore.catalog.UpstreamEvents;
import bookstore.catalog.book.application.CountingSales;
import bookstore.events.Topics;
import bookstore.events.order.SaleRecorded;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** Order-service's sales facts, produced to Kafka as order-service will, rank the catalogue's bestsellers. */
@CatalogueIntegrationTest
class SalesIntegrationTests {

    static final String GROUP = "catalog-service.book-sales";

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    CountingSales sales;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    CatalogueApi api;
    UpstreamEvents orders;

    @BeforeEach
    void connect() {
        api = new CatalogueApi(http);
        orders = new UpstreamEvents(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        orders.close();
    }

    @Test
    void bestsellingOrderFollowsUnitsSoldAndARedeliveredSaleCountsOnce() throws Exception {
        String shelf = "Bestsellers " + System.nanoTime();
        String first = add("First Added", shelf);
        String second = add("Second Added", shelf);
        String third = add("Third Added", shelf);
        SaleRecorded thirdSold = sold(third, 3);

        orders.send(Topics.SALES_EVENTS, sold(first, 1));
        orders.send(Topics.SALES_EVENTS, sold(second, 5));
        orders.send(Topics.SALES_EVENTS, thirdSold);
        // Counted twice, the third book would pass the second (6 > 5).
        RecordMetadata redelivered = orders.send(Topics.SALES_EVENTS, thirdSold);

        await().atMost(Duration.ofSeconds(20)).until(() -> orders.handled(GROUP, redelivered));
        await().untilAsserted(() -> assertThat(bestselling(shelf)).containsExactly(second, third, first));
        assertThat(unitsSold(third)).isEqualTo(3);
        await().untilAsserted(() -> assertThat(unitsSold(second)).isEqualTo(5));
    }

    @Test
    void salesHandledAgainAfterTheyWereCountedChangeNothing() {
        // As after a crash between counting a batch and committing its position: the redelivery brings
        // the same sales again, in a batch that may also hold new ones, or one sale twice.
        String id = add("Counted Once", "Bestsellers " + System.nanoTime());
        SaleRecorded first = sold(id, 2);
        SaleRecorded second = sold(id, 3);
        SaleRecorded third = sold(id, 4);

        sales.on(List.of(first, second)).block();
        sales.on(List.of(first, second, third, third)).block();

        assertThat(unitsSold(id)).isEqualTo(9);
    }

    @Test
    void saleOfAnUnknownBookIsHarmless() throws Exception {
        RecordMetadata unknown = orders.send(Topics.SALES_EVENTS, sold("7c9e6679-7425-40de-944b-e07fc1f90ae7", 1));

        await().atMost(Duration.ofSeconds(20)).until(() -> orders.handled(GROUP, unknown));
    }

    private String add(String title, String shelf) {
        return api.add(with(book(TestIsbns.next(), title, "An Author", "en"), "categories", List.of(shelf)));
    }

    private List<String> bestselling(String shelf) {
        return CatalogueApi.ids(
                api.search(uri -> uri.queryParam("category", shelf).queryParam("sort", "bestselling")));
    }

    private long unitsSold(String id) {
        Document book = mongo.getCollection("books")
                .flatMap(books -> Mono.from(books.find(new Document("_id", id)).first()))
                .block();
        return book.get("unitsSold", Number.class).longValue();
    }
}
