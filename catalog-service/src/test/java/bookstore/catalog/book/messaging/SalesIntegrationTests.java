package bookstore.catalog.book.messaging;

import static bookstore.catalog.BookJson.book;
import static bookstore.catalog.BookJson.with;
import static bookstore.catalog.UpstreamEvents.returned;
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
import bookstore.events.order.SaleReturned;
import bookstore.events.order.SalesEvent;
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

/**
 * Order-service's sales facts, produced to Kafka as order-service will, rank the catalogue's bestsellers;
 * its returns take their copies off again.
 */
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
    void aReturnTakesItsCopiesOffTheCountOnceAndTheBestsellingOrderFollows() throws Exception {
        String shelf = "Returns " + System.nanoTime();
        String kept = add("Kept", shelf);
        String returnedMost = add("Mostly Returned", shelf);
        SaleRecorded sale = sold(returnedMost, 5);
        orders.send(Topics.SALES_EVENTS, sold(kept, 3));
        orders.send(Topics.SALES_EVENTS, sale);
        await().untilAsserted(() -> assertThat(bestselling(shelf)).containsExactly(returnedMost, kept));

        SaleReturned fourBack = returned(sale, 4);
        orders.send(Topics.SALES_EVENTS, fourBack);
        // Counted twice, the return would leave nothing of the sale.
        RecordMetadata redelivered = orders.send(Topics.SALES_EVENTS, fourBack);

        await().atMost(Duration.ofSeconds(20)).until(() -> orders.handled(GROUP, redelivered));
        assertThat(unitsSold(returnedMost)).isEqualTo(1);
        await().untilAsserted(() -> assertThat(bestselling(shelf)).containsExactly(kept, returnedMost));
    }

    @Test
    void salesAndReturnsHandledAgainAfterTheyWereCountedChangeNothing() {
        // The whole topic read again, as after a crash before the position was committed.
        String id = add("Replayed", "Returns " + System.nanoTime());
        SaleRecorded first = sold(id, 2);
        SaleRecorded second = sold(id, 3);
        SaleReturned secondBack = returned(second, 3);
        List<SalesEvent> topic = List.of(first, second, secondBack);

        sales.on(topic).block();
        long counted = unitsSold(id);
        sales.on(topic).block();
        sales.on(List.of(secondBack, secondBack)).block();

        assertThat(counted).isEqualTo(2);
        assertThat(unitsSold(id)).isEqualTo(2);
    }

    @Test
    void aReturnOfCopiesTheCountNeverHeldLeavesZeroAndLaterSalesCountInFull() {
        // Its sale was never counted (the book was unknown then), so there is nothing to take away.
        String id = add("Returned Unsold", "Returns " + System.nanoTime());
        SaleRecorded uncounted = sold(id, 2);

        sales.on(List.of(returned(uncounted, 2))).block();
        assertThat(unitsSold(id)).isZero();

        sales.on(List.of(sold(id, 1))).block();
        assertThat(unitsSold(id)).isEqualTo(1);
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
