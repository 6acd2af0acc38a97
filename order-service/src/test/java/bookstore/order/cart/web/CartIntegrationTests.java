package bookstore.order.cart.web;

import static bookstore.order.Callers.customer;
import static bookstore.order.Callers.newCustomerId;

import bookstore.events.Topics;
import bookstore.order.OrderServiceTest;
import bookstore.order.SagaTraffic;
import bookstore.order.TestCatalogue;
import bookstore.platform.messaging.EventCodec;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The cart over HTTP, priced from the catalogue's events on a real broker. */
@OrderServiceTest
class CartIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    EventCodec codec;

    @Autowired
    DatabaseClient database;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    SagaTraffic traffic;
    TestCatalogue catalogue;
    WebTestClient customer;

    @BeforeEach
    void setUp() {
        traffic = new SagaTraffic(bootstrapServers, kafka, codec, Topics.CATALOG_BOOKS);
        catalogue = new TestCatalogue(traffic, database);
        customer = customer(http, newCustomerId());
    }

    @AfterEach
    void tearDown() {
        traffic.close();
    }

    @Test
    void aCartIsPricedFromTheCatalogueAndKeepsItsLinesInOrder() {
        String threeBody = catalogue.add("三体", 2300);
        String darkForest = catalogue.add("黑暗森林", 3200);

        put(threeBody, 2).expectStatus().isOk();
        put(darkForest, 1).expectStatus().isOk();
        put(threeBody, 3)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(2)
                .jsonPath("$.items[0].bookId")
                .isEqualTo(threeBody)
                .jsonPath("$.items[0].title")
                .isEqualTo("三体")
                .jsonPath("$.items[0].quantity")
                .isEqualTo(3)
                .jsonPath("$.items[0].unitPrice.amount")
                .isEqualTo(2300)
                .jsonPath("$.items[0].lineTotal.amount")
                .isEqualTo(6900)
                .jsonPath("$.total.amount")
                .isEqualTo(6900 + 3200)
                .jsonPath("$.total.currency")
                .isEqualTo("CNY");

        customer.delete()
                .uri("/api/cart/items/{bookId}", threeBody)
                .exchange()
                .expectStatus()
                .isOk();
        customer.get()
                .uri("/api/cart")
                .exchange()
                .expectBody()
                .jsonPath("$.items[*].bookId")
                .isEqualTo(darkForest)
                .jsonPath("$.total.amount")
                .isEqualTo(3200);
    }

    @Test
    void aCartShowsTodaysPriceAndTitle() {
        String book = catalogue.add("球状闪电", 2800);
        put(book, 2).expectStatus().isOk();

        catalogue.changePrice(book, 2800, 2500);
        catalogue.retitle(book, "球状闪电（典藏版）");

        customer.get()
                .uri("/api/cart")
                .exchange()
                .expectBody()
                .jsonPath("$.items[0].unitPrice.amount")
                .isEqualTo(2500)
                .jsonPath("$.items[0].title")
                .isEqualTo("球状闪电（典藏版）")
                .jsonPath("$.total.amount")
                .isEqualTo(5000);
    }

    @Test
    void eachCustomerHasTheirOwnCart() {
        String book = catalogue.add("流浪地球", 1800);
        put(book, 1).expectStatus().isOk();

        customer(http, newCustomerId())
                .get()
                .uri("/api/cart")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items")
                .isEmpty()
                .jsonPath("$.total.amount")
                .isEqualTo(0);
    }

    @Test
    void unknownAndDiscontinuedBooksAreRefusedAndLeaveTheCartAsItWas() {
        String kept = catalogue.add("朝闻道", 1500);
        String discontinued = catalogue.add("超新星纪元", 2600);
        put(kept, 1).expectStatus().isOk();
        catalogue.discontinue(discontinued);

        put("book-that-does-not-exist", 1)
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/book-not-orderable")
                .jsonPath("$.bookId")
                .isEqualTo("book-that-does-not-exist");
        put(discontinued, 1)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/book-not-orderable");

        customer.get()
                .uri("/api/cart")
                .exchange()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(1)
                .jsonPath("$.items[0].bookId")
                .isEqualTo(kept);
    }

    @Test
    void aBookDiscontinuedAfterItWasAddedStaysVisibleButNoLongerCounts() {
        String book = catalogue.add("三体 II", 3200);
        put(book, 1).expectStatus().isOk();

        catalogue.discontinue(book);

        customer.get()
                .uri("/api/cart")
                .exchange()
                .expectBody()
                .jsonPath("$.items[0].orderable")
                .isEqualTo(false)
                .jsonPath("$.total.amount")
                .isEqualTo(0);
    }

    @Test
    void quantitiesAreCappedAndBadInputIsAProblem() {
        String book = catalogue.add("三体 III", 3800);

        put(book, 11)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("quantity");
        put(book, 0).expectStatus().isBadRequest();
        customer.put()
                .uri("/api/cart/items/{bookId}", book)
                .bodyValue(Map.of("quantity", 1, "unitPrice", 1))
                .exchange()
                .expectStatus()
                .isBadRequest();
        customer.put()
                .uri("/api/cart/items/{bookId}", "not a book id!")
                .bodyValue(Map.of("quantity", 1))
                .exchange()
                .expectStatus()
                .isBadRequest();

        customer.get()
                .uri("/api/cart")
                .exchange()
                .expectBody()
                .jsonPath("$.items")
                .isEmpty();
    }

    @Test
    void aCartHoldsAtMostFiftyBooks() {
        for (int i = 0; i < 50; i++) {
            database.sql("INSERT INTO book_price (book_id, title, price_amount, price_currency, updated_at) "
                            + "VALUES (:id, 'filler', 100, 'CNY', now()) ON CONFLICT DO NOTHING")
                    .bind("id", "filler-" + i)
                    .then()
                    .block();
            put("filler-" + i, 1).expectStatus().isOk();
        }
        String oneTooMany = catalogue.add("第五十一本", 100);

        put(oneTooMany, 1)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/cart-limit-exceeded");
    }

    @Test
    void theCartIsOnlyForSignedInCustomers() {
        http.get().uri("/api/cart").exchange().expectStatus().isUnauthorized();
    }

    private WebTestClient.ResponseSpec put(String bookId, int quantity) {
        return customer.put()
                .uri("/api/cart/items/{bookId}", bookId)
                .bodyValue(Map.of("quantity", quantity))
                .exchange();
    }
}
