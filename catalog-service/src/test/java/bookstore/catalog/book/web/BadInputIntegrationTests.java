package bookstore.catalog.book.web;

import static bookstore.catalog.BookJson.book;
import static bookstore.catalog.BookJson.with;
import static org.assertj.core.api.Assertions.assertThat;

import bookstore.catalog.CatalogueApi;
import bookstore.catalog.CatalogueIntegrationTest;
import bookstore.catalog.TestIsbns;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** Every kind of bad input gets a clear 400 problem and changes nothing. */
@CatalogueIntegrationTest
class BadInputIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    CatalogueApi api;
    String existingId;
    Document existingBefore;

    @BeforeEach
    void addOneBook() {
        api = new CatalogueApi(http);
        existingId = api.add(book(TestIsbns.next(), "Untouchable", "Steady Author", "en"));
        existingBefore = stored(existingId);
    }

    @Test
    void rejectsAnIsbnWithAWrongCheckDigit() {
        String isbn = TestIsbns.next();
        String wrong = isbn.substring(0, 12) + (char) ('0' + (isbn.charAt(12) - '0' + 1) % 10);

        assertRefusedOnAdd(book(wrong, "Bad Isbn", "An Author", "en"), "isbn");
    }

    @Test
    void rejectsAnIsbnThatIsNotAnIsbn() {
        assertRefusedOnAdd(book("not-an-isbn", "Bad Isbn", "An Author", "en"), "isbn");
    }

    @Test
    void rejectsAMissingTitle() {
        Map<String, Object> body = book(TestIsbns.next(), "x", "An Author", "en");
        body.remove("title");

        assertRefusedOnAdd(body, "title");
    }

    @Test
    void rejectsANegativePrice() {
        assertRefusedOnAdd(
                with(book(TestIsbns.next(), "Negative", "An Author", "en"), "price", Map.of("amount", -100)),
                "price.amount");
    }

    @Test
    void rejectsAnAbsurdPrice() {
        assertRefusedOnAdd(
                with(
                        book(TestIsbns.next(), "Absurd", "An Author", "en"),
                        "price",
                        Map.of("amount", 1_000_000_000_000L)),
                "price.amount");
    }

    @Test
    void rejectsAFractionOfAMinorUnit() {
        assertRefusedOnAdd(
                with(book(TestIsbns.next(), "Fraction", "An Author", "en"), "price", Map.of("amount", 12.5)), null);
    }

    @Test
    void rejectsOversizedText() {
        assertRefusedOnAdd(
                with(book(TestIsbns.next(), "Oversized", "An Author", "en"), "description", "字".repeat(10_001)),
                "description");
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "rating", "createdAt", "version", "status"})
    void rejectsFieldsTheServerOwns(String field) {
        assertRefusedOnAdd(with(book(TestIsbns.next(), "Owned", "An Author", "en"), field, "x"), null);
        assertPatchRefused(Map.of(field, "x"));
    }

    @Test
    void rejectsAMongoOperatorInPlaceOfAValue() {
        assertRefusedOnAdd(with(book(TestIsbns.next(), "x", "An Author", "en"), "title", Map.of("$gt", "")), null);
        assertRefusedOnAdd(with(book(TestIsbns.next(), "x", "An Author", "en"), "isbn", Map.of("$ne", "")), null);
        assertPatchRefused(Map.of("title", Map.of("$gt", "")));
    }

    @Test
    void rejectsAMongoOperatorAsABookId() {
        api.anonymous()
                .get()
                .uri("/api/books/{id}", "{\"$gt\":\"\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void rejectsStockOnceTheBookExists() {
        assertPatchRefused(Map.of("initialStock", 100));
    }

    @Test
    void rejectsAQueryLongerThan200Characters() {
        assertSearchRefused("q", "a".repeat(201));
    }

    @Test
    void rejectsAPageSizeAbove100() {
        assertSearchRefused("size", "101");
    }

    @Test
    void rejectsANegativePage() {
        assertSearchRefused("page", "-1");
    }

    @Test
    void rejectsAnUnknownSort() {
        assertSearchRefused("sort", "$natural");
    }

    @Test
    void rejectsAWordWhereANumberBelongsWithoutNamingJavaTypes() {
        api.anonymous()
                .get()
                .uri(uri ->
                        uri.path("/api/books").queryParam("minPrice", "cheap").build())
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("minPrice")
                .jsonPath("$.errors[0].message")
                .isEqualTo("has the wrong form");
    }

    @Test
    void rejectsAnEmptyPriceRange() {
        api.anonymous()
                .get()
                .uri(uri -> uri.path("/api/books")
                        .queryParam("minPrice", 5000)
                        .queryParam("maxPrice", 100)
                        .build())
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void treatsAnOperatorInAFilterAsPlainText() {
        api.anonymous()
                .get()
                .uri(uri -> uri.path("/api/books")
                        .queryParam("author", "{operator}")
                        .build(Map.of("operator", "{\"$ne\":\"\"}")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(0);
    }

    private void assertRefusedOnAdd(Map<String, Object> body, String field) {
        long before = count();
        var response = api.admin()
                .post()
                .uri("/api/books")
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.title")
                .exists()
                .jsonPath("$.detail")
                .exists();
        if (field != null) {
            response.jsonPath("$.errors[0].field").isEqualTo(field);
        }
        assertThat(count()).as("books stored").isEqualTo(before);
    }

    private void assertPatchRefused(Map<String, Object> patch) {
        api.admin()
                .patch()
                .uri("/api/books/{id}", existingId)
                .header(HttpHeaders.IF_MATCH, "\"0\"")
                .bodyValue(patch)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(stored(existingId)).as("the book is unchanged").isEqualTo(existingBefore);
    }

    private void assertSearchRefused(String parameter, String value) {
        api.anonymous()
                .get()
                .uri(uri -> uri.path("/api/books").queryParam(parameter, value).build())
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo(parameter);
    }

    private long count() {
        return mongo.getCollection("books")
                .flatMap(books -> Mono.from(books.countDocuments()))
                .block();
    }

    private Document stored(String id) {
        Document book = mongo.getCollection("books")
                .flatMap(books -> Mono.from(books.find(new Document("_id", id)).first()))
                .block();
        // The relay empties the outbox in the background; what matters is the book itself.
        book.remove("pendingEvents");
        return book;
    }
}
