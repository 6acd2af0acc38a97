package bookstore.catalog.book.web;

import static bookstore.catalog.BookJson.book;
import static bookstore.catalog.BookJson.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import bookstore.catalog.CatalogueIntegrationTest;
import bookstore.catalog.CatalogueTopic;
import bookstore.catalog.TestIsbns;
import bookstore.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** The books API over HTTP, against real MongoDB (wire protocol) and Kafka. */
@CatalogueIntegrationTest
class BookApiIntegrationTests {

    @Autowired
    WebTestClient anonymous;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    WebTestClient admin;
    CatalogueTopic topic;

    @BeforeEach
    void signInAsAdmin() {
        admin = anonymous.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_ADMIN")));
        topic = new CatalogueTopic(bootstrapServers, Topics.CATALOG_BOOKS.name());
    }

    @AfterEach
    void closeTopic() {
        topic.close();
    }

    @Test
    void addedBookIsReadableByAnyoneWithItsVersionAsETag() {
        String isbn = TestIsbns.next();

        EntityExchangeResult<Map> created = admin.post()
                .uri("/api/books")
                .bodyValue(with(book(isbn, "黑暗森林", "刘慈欣", "zh"), "initialStock", 7))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, "\"0\"")
                .expectBody(Map.class)
                .returnResult();
        String id = (String) created.getResponseBody().get("id");
        assertThat(created.getResponseHeaders().getLocation()).hasToString("/api/books/" + id);

        anonymous
                .get()
                .uri("/api/books/{id}", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, "\"0\"")
                .expectBody()
                .jsonPath("$.isbn")
                .isEqualTo(isbn)
                .jsonPath("$.title")
                .isEqualTo("黑暗森林")
                .jsonPath("$.price.amount")
                .isEqualTo(2300)
                .jsonPath("$.price.currency")
                .isEqualTo("CNY")
                .jsonPath("$.status")
                .isEqualTo("ACTIVE")
                .jsonPath("$.availability.inStock")
                .isEqualTo(true)
                .jsonPath("$.availability.available")
                .isEqualTo(7);
    }

    @Test
    void isbn10IsStoredAsItsIsbn13() {
        admin.post()
                .uri("/api/books")
                .bodyValue(book("0-14-143951-3", "Pride and Prejudice", "Jane Austen", "en"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.isbn")
                .isEqualTo("9780141439518")
                .jsonPath("$.isbn10")
                .isEqualTo("0141439513");
    }

    @Test
    void onlyAdminsChangeTheCatalogue() {
        Map<String, Object> body = book(TestIsbns.next(), "Anonymous", "Nobody", "en");

        anonymous
                .post()
                .uri("/api/books")
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        anonymous
                .mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_CUSTOMER")))
                .post()
                .uri("/api/books")
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(booksWithIsbn((String) body.get("isbn"))).isZero();
    }

    @Test
    void changesNeedTheVersionTheAdminEdited() {
        String id = add(book(TestIsbns.next(), "Version One", "An Author", "en"));
        Map<String, Object> replacement = book(TestIsbns.next(), "Version Two", "An Author", "en");

        admin.put()
                .uri("/api/books/{id}", id)
                .bodyValue(replacement)
                .exchange()
                .expectStatus()
                .isEqualTo(428);
        admin.put()
                .uri("/api/books/{id}", id)
                .header(HttpHeaders.IF_MATCH, "\"0\"")
                .bodyValue(replacement)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, "\"1\"");
        // A second admin still holding version 0 must not overwrite version 1.
        admin.put()
                .uri("/api/books/{id}", id)
                .header(HttpHeaders.IF_MATCH, "\"0\"")
                .bodyValue(with(replacement, "title", "Lost Update"))
                .exchange()
                .expectStatus()
                .isEqualTo(412)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/stale-version");

        anonymous
                .get()
                .uri("/api/books/{id}", id)
                .exchange()
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Version Two");
    }

    @Test
    void mergePatchChangesOnlyTheFieldsItNames() {
        String id = add(with(book(TestIsbns.next(), "Patched", "An Author", "en"), "subtitle", "A Subtitle"));

        admin.patch()
                .uri("/api/books/{id}", id)
                .header(HttpHeaders.IF_MATCH, "\"0\"")
                .contentType(MediaType.valueOf("application/merge-patch+json"))
                .bodyValue(Map.of("price", Map.of("amount", 4500), "description", "Now described."))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Patched")
                .jsonPath("$.subtitle")
                .isEqualTo("A Subtitle")
                .jsonPath("$.description")
                .isEqualTo("Now described.")
                .jsonPath("$.price.amount")
                .isEqualTo(4500)
                .jsonPath("$.price.currency")
                .isEqualTo("CNY")
                .jsonPath("$.version")
                .isEqualTo(1);
    }

    @Test
    void discontinuedBookLeavesSearchButStaysReadable() {
        String title = "Vanishing Volume " + System.nanoTime();
        String id = add(book(TestIsbns.next(), title, "An Author", "en"));
        assertThat(searchTotal(title)).isEqualTo(1);

        admin.delete()
                .uri("/api/books/{id}", id)
                .header(HttpHeaders.IF_MATCH, "\"0\"")
                .exchange()
                .expectStatus()
                .isNoContent();

        assertThat(searchTotal(title)).isZero();
        anonymous
                .get()
                .uri("/api/books/{id}", id)
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("DISCONTINUED");
        admin.put()
                .uri("/api/books/{id}", id)
                .header(HttpHeaders.IF_MATCH, "\"1\"")
                .bodyValue(book(TestIsbns.next(), title, "An Author", "en"))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/book-discontinued");
    }

    @Test
    void secondBookWithTheSameIsbnIsRefused() {
        String isbn = TestIsbns.next();
        add(book(isbn, "First", "An Author", "en"));

        admin.post()
                .uri("/api/books")
                .bodyValue(book(isbn.substring(0, 3) + "-" + isbn.substring(3), "Second", "An Author", "en"))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/duplicate-isbn");
        assertThat(booksWithIsbn(isbn)).isEqualTo(1);
    }

    @Test
    void unknownBookIsAProblem() {
        anonymous
                .get()
                .uri("/api/books/{id}", "3f1c2a9e-8d1b-4c57-9a5e-1b2c3d4e5f60")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/book-not-found");
    }

    @Test
    void eachChangePublishesItsEventInOrder() {
        String id = add(with(book(TestIsbns.next(), "Eventful", "An Author", "en"), "initialStock", 12));
        admin.patch()
                .uri("/api/books/{id}", id)
                .header(HttpHeaders.IF_MATCH, "\"0\"")
                .bodyValue(Map.of("title", "Eventful, Revised"))
                .exchange()
                .expectStatus()
                .isOk();
        admin.patch()
                .uri("/api/books/{id}", id)
                .header(HttpHeaders.IF_MATCH, "\"1\"")
                .bodyValue(Map.of("price", Map.of("amount", 9900)))
                .exchange()
                .expectStatus()
                .isOk();
        admin.delete()
                .uri("/api/books/{id}", id)
                .header(HttpHeaders.IF_MATCH, "\"2\"")
                .exchange()
                .expectStatus()
                .isNoContent();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(topic.typesFor(id))
                .containsExactly(
                        "bookstore.catalog.BookAdded",
                        "bookstore.catalog.BookUpdated",
                        "bookstore.catalog.BookPriceChanged",
                        "bookstore.catalog.BookDiscontinued"));
        List<String> values = topic.valuesFor(id);
        assertThat(values.get(0))
                .contains("\"initialStock\":12")
                .contains("\"categories\":[\"Fiction\"]")
                .contains("\"schemaVersion\":3");
        assertThat(values.get(1)).contains("\"title\":\"Eventful, Revised\"");
        assertThat(values.get(2))
                .contains("\"previousPrice\":{\"amount\":2300,\"currency\":\"CNY\"}")
                .contains("\"price\":{\"amount\":9900,\"currency\":\"CNY\"}");
        // Published events leave the book's outbox.
        await().untilAsserted(() -> assertThat(pendingEvents(id)).isEmpty());
    }

    @Test
    void changeThatChangesNothingPublishesNothing() {
        Map<String, Object> body = book(TestIsbns.next(), "Unchanged", "An Author", "en");
        String id = add(body);

        admin.put()
                .uri("/api/books/{id}", id)
                .header(HttpHeaders.IF_MATCH, "\"0\"")
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, "\"0\"");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(topic.typesFor(id)).containsExactly("bookstore.catalog.BookAdded"));
    }

    private String add(Map<String, Object> body) {
        return (String) admin.post()
                .uri("/api/books")
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id");
    }

    private long searchTotal(String q) {
        return ((Number) anonymous
                        .get()
                        .uri(uri -> uri.path("/api/books").queryParam("q", q).build())
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody()
                        .get("total"))
                .longValue();
    }

    private long booksWithIsbn(String isbn) {
        return mongo.getCollection("books")
                .flatMap(books -> Mono.from(books.countDocuments(new Document("isbn", isbn))))
                .block();
    }

    @SuppressWarnings("unchecked")
    private List<Object> pendingEvents(String id) {
        Document book = mongo.getCollection("books")
                .flatMap(books -> Mono.from(books.find(new Document("_id", id)).first()))
                .block();
        return (List<Object>) book.get("pendingEvents", List.class);
    }
}
