package bookstore.catalog.book.web;

import static bookstore.catalog.BookJson.book;
import static bookstore.catalog.BookJson.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import bookstore.catalog.CatalogueApi;
import bookstore.catalog.CatalogueIntegrationTest;
import bookstore.catalog.TestIsbns;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;

/**
 * The admin's listing of the whole catalogue, {@code GET /api/books/catalogue}: discontinued books included, read
 * from MongoDB, filtered by status and text, most recently updated first.
 */
@CatalogueIntegrationTest
class CatalogueListingIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    CatalogueApi api;
    /** In every title and author of this test's books, and in no other book. */
    String marker;

    String older;
    String discontinued;
    String newer;

    @BeforeEach
    void addThreeBooksAndDiscontinueOne() {
        api = new CatalogueApi(http);
        marker = "Listing" + System.nanoTime();
        older = api.add(book(TestIsbns.next(), marker + " Older", "Ann Older " + marker, "en"));
        discontinued = api.add(book(TestIsbns.next(), marker + " Gone", "Gil Gone " + marker, "en"));
        newer = api.add(book(TestIsbns.next(), marker + " Newer", "Nia Newer " + marker, "en"));
        api.admin()
                .delete()
                .uri("/api/books/{id}", discontinued)
                .header(HttpHeaders.IF_MATCH, "\"0\"")
                .exchange()
                .expectStatus()
                .isNoContent();
        // Times of our own choosing, so that the order does not hang on how fast the books were added.
        updatedAt(older, "2020-01-01T00:00:00Z");
        updatedAt(discontinued, "2020-03-01T00:00:00Z");
        updatedAt(newer, "2020-02-01T00:00:00Z");
    }

    @Test
    void adminSeesActiveAndDiscontinuedBooksMostRecentlyUpdatedFirstAsReadByIdentifier() {
        Map<String, Object> page = matching(marker);

        assertThat(CatalogueApi.ids(page)).containsExactly(discontinued, newer, older);
        assertThat(page).containsEntry("page", 0).containsEntry("size", 20).containsEntry("total", 3);
        assertThat(items(page))
                .extracting(item -> item.get("status"))
                .containsExactly("DISCONTINUED", "ACTIVE", "ACTIVE");
        // Each item is the book exactly as GET /api/books/{id} shows it.
        assertThat(items(page).get(0)).isEqualTo(api.book(discontinued));
        assertThat(items(page).get(2)).isEqualTo(api.book(older));
    }

    @Test
    void statusFilterKeepsOnlyBooksOfThatStatus() {
        assertThat(CatalogueApi.ids(list(marker, uri -> uri.queryParam("status", "DISCONTINUED"))))
                .containsExactly(discontinued);
        assertThat(CatalogueApi.ids(list(marker, uri -> uri.queryParam("status", "ACTIVE"))))
                .containsExactly(newer, older);

        Map<String, Object> everyDiscontinued =
                list(null, uri -> uri.queryParam("status", "DISCONTINUED").queryParam("size", 100));
        assertThat(items(everyDiscontinued))
                .extracting(item -> item.get("status"))
                .containsOnly("DISCONTINUED");
        assertThat(((Number) everyDiscontinued.get("total")).longValue())
                .isEqualTo(storedBooks(new Document("status", "DISCONTINUED")));
    }

    @Test
    void booksUpdatedAtTheSameTimeAreOrderedById() {
        updatedAt(older, "2020-02-01T00:00:00Z");

        List<String> tied = newer.compareTo(older) < 0 ? List.of(newer, older) : List.of(older, newer);
        assertThat(CatalogueApi.ids(matching(marker))).containsExactly(discontinued, tied.get(0), tied.get(1));
    }

    @Test
    void pagesThroughTheMatchesAndCountsThemAll() {
        Map<String, Object> first = list(marker, uri -> uri.queryParam("size", 2));
        Map<String, Object> second =
                list(marker, uri -> uri.queryParam("size", 2).queryParam("page", 1));
        Map<String, Object> beyond =
                list(marker, uri -> uri.queryParam("size", 2).queryParam("page", 2));

        assertThat(CatalogueApi.ids(first)).containsExactly(discontinued, newer);
        assertThat(CatalogueApi.ids(second)).containsExactly(older);
        assertThat(second).containsEntry("page", 1).containsEntry("size", 2).containsEntry("total", 3);
        assertThat(CatalogueApi.ids(beyond)).isEmpty();
        assertThat(beyond).containsEntry("total", 3);
    }

    @Test
    void withoutFiltersEveryStoredBookIsListedMostRecentlyUpdatedFirst() {
        List<Map<String, Object>> all = new ArrayList<>();
        long total;
        int page = 0;
        do {
            int current = page++;
            Map<String, Object> answer =
                    list(null, uri -> uri.queryParam("size", 100).queryParam("page", current));
            all.addAll(items(answer));
            total = ((Number) answer.get("total")).longValue();
        } while (all.size() < total && page < 100);

        assertThat(total).isEqualTo(storedBooks(new Document()));
        assertThat(all).hasSize((int) total);
        assertThat(all)
                .isSortedAccordingTo(Comparator.<Map<String, Object>, Instant>comparing(
                                item -> Instant.parse((String) item.get("updatedAt")))
                        .reversed()
                        .thenComparing(item -> (String) item.get("id")));
        assertThat(all).extracting(item -> item.get("id")).contains(older, discontinued, newer);
    }

    @Test
    void textMatchesTitleOrAnyAuthorIgnoringCase() {
        String title = marker + " Title Only";
        String byTitle = api.add(book(TestIsbns.next(), title, "Somebody Else", "en"));
        String coAuthor = "Zed Co-Author " + System.nanoTime();
        String byAuthor = api.add(with(
                book(TestIsbns.next(), "Written Together", "First Author", "en"),
                "authors",
                List.of("First Author", coAuthor)));

        assertThat(CatalogueApi.ids(matching(title.toUpperCase()))).containsExactly(byTitle);
        assertThat(CatalogueApi.ids(matching(" " + coAuthor.toLowerCase() + " ")))
                .containsExactly(byAuthor);
        assertThat(CatalogueApi.ids(
                        list(("gil gone " + marker).toLowerCase(), uri -> uri.queryParam("status", "DISCONTINUED"))))
                .containsExactly(discontinued);
    }

    @Test
    void textMatchesTheIsbnWithOrWithoutHyphensAndAsIsbn10() {
        String isbn = TestIsbns.next978();
        String id = api.add(book(isbn, "Numbered", "Nu Merals", "en"));
        String isbn10 = TestIsbns.isbn10Of(isbn);

        assertThat(CatalogueApi.ids(matching(isbn))).containsExactly(id);
        assertThat(CatalogueApi.ids(matching(hyphenated(isbn)))).containsExactly(id);
        assertThat(CatalogueApi.ids(matching("-" + isbn.substring(3, 12) + "-")))
                .containsExactly(id);
        assertThat(CatalogueApi.ids(matching(isbn10.charAt(0) + "-" + isbn10.substring(1))))
                .containsExactly(id);
    }

    @Test
    void textIsMatchedLiterallyNotAsAPattern() {
        String id = api.add(book(TestIsbns.next(), marker + " C++ [Primer] (5th ed.) $9 ^a|b\\d", "Stan L", "en"));

        assertThat(CatalogueApi.ids(matching(marker + " c++ [primer] (5th ed.) $9 ^a|b\\d")))
                .containsExactly(id);
        // As patterns these would match every book of this test.
        assertThat(matching(marker + ".*")).containsEntry("total", 0);
        assertThat(matching("^" + marker)).containsEntry("total", 0);
        assertThat(matching(marker + " (Older|Newer)")).containsEntry("total", 0);
    }

    @Test
    void onlyAdminsListTheCatalogue() {
        api.anonymous()
                .get()
                .uri("/api/books/catalogue")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/unauthenticated");
        http.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_CUSTOMER")))
                .get()
                .uri(uri ->
                        uri.path("/api/books/catalogue").queryParam("q", marker).build())
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/forbidden")
                .jsonPath("$.items")
                .doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/books/catalogue;page=1",
                "/api/books/catalogue/",
                "/api/books//catalogue",
                "/api/books/%63atalogue",
                "/api/books/./catalogue",
                "/api/books/x/../catalogue"
            })
    void anotherSpellingOfThePathDoesNotOpenTheListingToAnyone(String path) {
        api.anonymous()
                .get()
                .uri(URI.create(path))
                .exchange()
                .expectStatus()
                .value(status -> assertThat(status).as(path).isIn(400, 401, 404))
                .expectBody()
                .jsonPath("$.items")
                .doesNotExist();
    }

    @ParameterizedTest
    @CsvSource({
        "page, -1",
        "page, 100001",
        "page, first",
        "page, 2147483648",
        "size, 0",
        "size, 101",
        "status, LOST",
        "status, active",
    })
    void badParametersAreA400ProblemNamingTheParameter(String parameter, String value) {
        assertRefused(parameter, value);
    }

    @Test
    void overlongTextOrTextWithControlCharactersIsA400Problem() {
        assertRefused("q", "a".repeat(201));
        assertRefused("q", "bad\u0000text");
    }

    @Test
    void deepestPageAndLargestSizeAreAllowed() {
        Map<String, Object> page = list(null, uri -> uri.queryParam("page", 99).queryParam("size", 100));

        assertThat(page).containsEntry("page", 99).containsEntry("size", 100);
        assertThat(CatalogueApi.ids(page)).isEmpty();
    }

    private Map<String, Object> matching(String q) {
        return list(q, uri -> uri);
    }

    /**
     * The admin's listing for a text (or none) and other parameters. The text goes in as a URI variable, which is
     * encoded in full, so that a {@code +} or {@code &} in it reaches the service as itself.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> list(String q, Function<UriBuilder, UriBuilder> parameters) {
        return api.admin()
                .get()
                .uri(uri -> {
                    UriBuilder query = parameters.apply(uri.path("/api/books/catalogue"));
                    return q == null
                            ? query.build()
                            : query.queryParam("q", "{q}").build(Map.of("q", q));
                })
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    private void assertRefused(String parameter, String value) {
        api.admin()
                .get()
                .uri(uri -> uri.path("/api/books/catalogue")
                        .queryParam(parameter, "{value}")
                        .build(Map.of("value", value)))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.errors[0].field")
                .isEqualTo(parameter);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private static String hyphenated(String isbn) {
        return isbn.substring(0, 3) + "-" + isbn.substring(3, 4) + "-" + isbn.substring(4, 8) + "-"
                + isbn.substring(8, 12) + "-" + isbn.substring(12);
    }

    private void updatedAt(String id, String instant) {
        mongo.getCollection("books")
                .flatMap(books -> Mono.from(books.updateOne(
                        new Document("_id", id),
                        new Document("$set", new Document("updatedAt", Date.from(Instant.parse(instant)))))))
                .block();
    }

    private long storedBooks(Document filter) {
        return mongo.getCollection("books")
                .flatMap(books -> Mono.from(books.countDocuments(filter)))
                .block();
    }
}
