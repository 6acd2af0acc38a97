package bookstore.catalog.search.web;

import static bookstore.catalog.BookJson.book;
import static bookstore.catalog.BookJson.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.catalog.CatalogueApi;
import bookstore.catalog.CatalogueIntegrationTest;
import bookstore.catalog.TestIsbns;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What the "done when" asks of search, over HTTP against the running service. */
@CatalogueIntegrationTest
class SearchIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    MeterRegistry metrics;

    CatalogueApi api;

    @BeforeEach
    void api() {
        api = new CatalogueApi(http);
    }

    @Test
    void repeatedSearchIsAnsweredFromTheCacheAndABookAddedSinceIsFoundAtOnce() {
        String title = "Cached Shelf " + System.nanoTime();
        assertThat(CatalogueApi.ids(api.search(title))).isEmpty();

        // Retried only if some other test's change to the index falls between the two searches.
        await().untilAsserted(() -> {
            double hits = cacheHits();
            api.search(title);
            assertThat(cacheHits()).isEqualTo(hits + 1);
        });
        String id = api.add(book(TestIsbns.next(), title, "An Author", "en"));

        assertThat(CatalogueApi.ids(api.search(title))).containsExactly(id);
    }

    @Test
    void searchAndSuggestionsArePublicForASecondButABookItselfIsNot() {
        String id = api.add(book(TestIsbns.next(), "Shared Answers", "An Author", "en"));

        for (String uri : List.of("/api/books?q=shared", "/api/books/suggest?q=shar")) {
            api.anonymous()
                    .get()
                    .uri(uri)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .cacheControl(CacheControl.maxAge(Duration.ofSeconds(1)).cachePublic());
        }
        // Its ETag guards admins' edits; its answer is not shared.
        api.anonymous()
                .get()
                .uri("/api/books/" + id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .value(HttpHeaders.CACHE_CONTROL, cache -> assertThat(cache).contains("no-store"));
    }

    @Test
    void findsANewBookByAChineseWordInsideItsTitle() {
        String id = api.add(book(TestIsbns.next(), "黑暗森林", "刘慈欣", "zh"));

        assertThat(CatalogueApi.ids(api.search("森林"))).contains(id);
        assertThat(CatalogueApi.ids(api.search("黑暗"))).contains(id);
    }

    @Test
    void findsABookByItsAuthor() {
        String chinese = api.add(book(TestIsbns.next(), "我与地坛", "史铁生", "zh"));
        String english = api.add(book(TestIsbns.next(), "The Remains of the Day", "Kazuo Ishiguro", "en"));
        long timed = indexSearches();

        assertThat(CatalogueApi.ids(api.search("史铁生"))).contains(chinese);
        assertThat(CatalogueApi.ids(api.search("ishiguro"))).contains(english);
        assertThat(indexSearches()).as("both searched the index, each timed").isGreaterThanOrEqualTo(timed + 2);
    }

    private long indexSearches() {
        return metrics.get("bookstore.catalog.search")
                .tag("operation", "search")
                .timer()
                .count();
    }

    @Test
    void findsABookByItsIsbnWithOrWithoutHyphens() {
        String isbn = TestIsbns.next();
        String id = api.add(book(isbn, "Numbered", "An Author", "en"));
        String hyphenated = isbn.substring(0, 3) + "-" + isbn.substring(3, 4) + "-" + isbn.substring(4, 8) + "-"
                + isbn.substring(8, 12) + "-" + isbn.substring(12);

        assertThat(CatalogueApi.ids(api.search(isbn))).containsExactly(id);
        assertThat(CatalogueApi.ids(api.search(hyphenated))).containsExactly(id);
    }

    @Test
    void forgivesAOneLetterTypoInAnEnglishTitle() {
        String id = api.add(book(TestIsbns.next(), "Wuthering Heights", "Emily Brontë", "en"));

        assertThat(CatalogueApi.ids(api.search("wuthring heights"))).contains(id);
        assertThat(CatalogueApi.ids(api.search("wuthering hieghts"))).contains(id);
    }

    @Test
    @SuppressWarnings("unchecked")
    void resultsComeWithFacetsAndHonourFilters() {
        String category = "Facet Test " + System.nanoTime();
        String cheap = api.add(with(
                with(book(TestIsbns.next(), "Faceted Cheap", "Facet Writer", "en"), "categories", List.of(category)),
                "initialStock",
                3));
        String dear = api.add(with(
                with(
                        with(
                                book(TestIsbns.next(), "Faceted Dear", "Facet Writer", "en"),
                                "categories",
                                List.of(category)),
                        "price",
                        Map.of("amount", 15_000)),
                "initialStock",
                0));

        Map<String, Object> all = api.search(uri -> uri.queryParam("category", category));
        assertThat(all.get("total")).isEqualTo(2);
        Map<String, List<Map<String, Object>>> facets = (Map<String, List<Map<String, Object>>>) all.get("facets");
        assertThat(facets.get("category")).contains(Map.of("value", category, "count", 2));
        assertThat(facets.get("inStock"))
                .contains(Map.of("value", "true", "count", 1), Map.of("value", "false", "count", 1));
        assertThat(facets.get("price"))
                .anySatisfy(range ->
                        assertThat(range).containsEntry("value", "100-200").containsEntry("count", 1));

        assertThat(CatalogueApi.ids(
                        api.search(uri -> uri.queryParam("category", category).queryParam("inStock", true))))
                .containsExactly(cheap);
        assertThat(CatalogueApi.ids(
                        api.search(uri -> uri.queryParam("category", category).queryParam("minPrice", 10_000))))
                .containsExactly(dear);
        assertThat(CatalogueApi.ids(
                        api.search(uri -> uri.queryParam("category", category).queryParam("sort", "price_desc"))))
                .containsExactly(dear, cheap);
    }

    @Test
    @SuppressWarnings("unchecked")
    void suggestsTitlesForWhatWasTypedSoFar() {
        api.add(book(TestIsbns.next(), "Suggestible Stories", "An Author", "en"));
        api.add(book(TestIsbns.next(), "平凡的世界", "路遥", "zh"));

        Map<String, Object> english = api.anonymous()
                .get()
                .uri("/api/books/suggest?q=suggestib")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        Map<String, Object> chinese = api.anonymous()
                .get()
                .uri(uri -> uri.path("/api/books/suggest").queryParam("q", "平凡").build())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();

        assertThat((List<Map<String, Object>>) english.get("suggestions"))
                .extracting(s -> s.get("text"))
                .contains("Suggestible Stories");
        assertThat((List<Map<String, Object>>) chinese.get("suggestions"))
                .extracting(s -> s.get("text"))
                .contains("平凡的世界");
    }

    private double cacheHits() {
        return metrics.get("cache.gets")
                .tag("cache", "catalog.search")
                .tag("result", "hit")
                .functionCounter()
                .count();
    }
}
