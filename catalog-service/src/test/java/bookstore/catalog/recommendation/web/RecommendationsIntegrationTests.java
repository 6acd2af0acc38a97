package bookstore.catalog.recommendation.web;

import static bookstore.catalog.BookJson.book;
import static bookstore.catalog.BookJson.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import bookstore.catalog.CatalogueApi;
import bookstore.catalog.CatalogueIntegrationTest;
import bookstore.catalog.TestIsbns;
import bookstore.catalog.UpstreamEvents;
import bookstore.events.Topics;
import bookstore.events.analytics.RecommendationsComputed;
import bookstore.events.analytics.RecommendationsComputed.RecommendedBook;
import bookstore.platform.privacy.CustomerPseudonym;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Analytics' recommendations, produced to Kafka as analytics publishes them, served with the catalogue's books over
 * HTTP: only books on sale and in stock, never what the caller bought, never another customer's record.
 */
@CatalogueIntegrationTest
class RecommendationsIntegrationTests {

    static final String GROUP = "catalog-service.recommendations";

    @Autowired
    WebTestClient http;

    @Autowired
    CustomerPseudonym pseudonym;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    CatalogueApi catalogue;
    UpstreamEvents analytics;

    @BeforeEach
    void connect() {
        catalogue = new CatalogueApi(http);
        analytics = new UpstreamEvents(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        analytics.close();
    }

    @Test
    void booksBoughtTogetherAreServedInStockAndOnSaleOnlyBestFirst() throws Exception {
        String bookId = addBook("Bought With Others", 5);
        String second = addBook("Second Best Companion", 3);
        String best = addBook("Best Companion", 2);
        String soldOut = addBook("Sold Out Companion", 0);
        String discontinued = discontinue(addBook("Discontinued Companion", 4));

        publish(boughtTogether(
                bookId,
                Instant.now(),
                soldOut,
                best,
                discontinued,
                second,
                UUID.randomUUID().toString()));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(ids(recommendations(http, bookId, ""), "boughtTogether"))
                        .containsExactly(best, second));
        Map<String, Object> answer = recommendations(http, bookId, "");
        assertThat(answer.get("bookId")).isEqualTo(bookId);
        assertThat(ids(answer, "similar")).doesNotContain(bookId, best, second, soldOut, discontinued);
        assertThat(ids(recommendations(http, bookId, "?limit=1"), "boughtTogether"))
                .containsExactly(best);
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = ((List<Map<String, Object>>) answer.get("boughtTogether")).getFirst();
        assertThat(summary)
                .containsEntry("title", "Best Companion")
                .containsEntry("authors", List.of("Companion Author"))
                .containsKeys("price", "coverImage", "availability", "isbn");
        http.get()
                .uri("/api/books/{id}/recommendations", bookId)
                .exchange()
                .expectHeader()
                .cacheControl(org.springframework.http.CacheControl.maxAge(Duration.ofSeconds(1))
                        .cachePublic());
    }

    @Test
    void aSignedInCustomerIsNotRecommendedWhatTheyBoughtAndNeverSeesAnotherCustomersPurchases() throws Exception {
        String bookId = addBook("Popular Pair", 5);
        String boughtByA = addBook("Bought By A", 5);
        String boughtByB = addBook("Bought By B", 5);
        UUID customerA = UUID.randomUUID();
        UUID customerB = UUID.randomUUID();
        publish(boughtTogether(bookId, Instant.now(), boughtByA, boughtByB));
        publish(personal(customerA, Instant.now(), List.of(), List.of(boughtByA, bookId)));
        RecordMetadata last = publish(personal(customerB, Instant.now(), List.of(), List.of(boughtByB)));
        awaitHandled(last);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(ids(recommendations(http, bookId, ""), "boughtTogether"))
                        .containsExactly(boughtByA, boughtByB));

        assertThat(ids(recommendations(as(customerA), bookId, ""), "boughtTogether"))
                .containsExactly(boughtByB);
        assertThat(ids(recommendations(as(customerB), bookId, ""), "boughtTogether"))
                .containsExactly(boughtByA);
        assertThat(ids(recommendations(as(UUID.randomUUID()), bookId, ""), "boughtTogether"))
                .containsExactly(boughtByA, boughtByB);
        as(customerA)
                .get()
                .uri("/api/books/{id}/recommendations", bookId)
                .exchange()
                .expectHeader()
                .cacheControl(org.springframework.http.CacheControl.noStore());
    }

    @Test
    void anOlderRecordAfterANewerOneAndAReplayChangeNothing() throws Exception {
        String bookId = addBook("Recomputed Often", 5);
        String newer = addBook("Newer Companion", 5);
        String older = addBook("Older Companion", 5);
        Instant now = Instant.now();
        RecommendationsComputed latest = boughtTogether(bookId, now, newer);

        publish(latest);
        publish(boughtTogether(bookId, now.minus(Duration.ofHours(1)), older));
        awaitHandled(publish(latest));

        assertThat(ids(recommendations(http, bookId, ""), "boughtTogether")).containsExactly(newer);
        var stored = mongo.find(
                        Query.query(Criteria.where("_id").is("book:" + bookId)),
                        org.bson.Document.class,
                        "recommendations")
                .collectList()
                .block(Duration.ofSeconds(10));
        assertThat(stored).hasSize(1);
        assertThat(stored.getFirst().get("computedAt", java.util.Date.class).toInstant())
                .isEqualTo(now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void similarBooksAreFoundByContentWithoutAnyHistory() {
        String nonce = Long.toString(System.nanoTime());
        String author = "Marguerite Okonkwo " + nonce;
        String category = "Tidal Atlases " + nonce;
        String bookId = catalogue.add(described(
                "Charting the Restless Tides", author, category, "Maps of the restless tides of the northern sea.", 5));
        String sameAuthor = catalogue.add(
                described("Lighthouse Keepers", author, "Memoirs " + nonce, "A memoir of keeping the lamps lit.", 5));
        String sameCategory = catalogue.add(
                described("Harbour Soundings", "Ignatius Pellworth", category, "Depths of the world's harbours.", 5));
        String soldOutSameAuthor =
                catalogue.add(described("Tide Tables", author, category, "Tables of tides for sailors.", 0));
        String unrelated = catalogue.add(described(
                "Sourdough at Home", "Wilhelmina Crust", "Baking " + nonce, "Bread from flour and water.", 5));

        List<String> similar = ids(recommendations(http, bookId, ""), "similar");

        assertThat(similar).contains(sameAuthor, sameCategory).doesNotContain(bookId, soldOutSameAuthor);
        assertThat(similar.indexOf(unrelated))
                .satisfiesAnyOf(position -> assertThat(position).isEqualTo(-1), position -> assertThat(position)
                        .isGreaterThan(Math.max(similar.indexOf(sameAuthor), similar.indexOf(sameCategory))));
    }

    @Test
    void aNewCustomerIsPickedBestsellersAndACustomerWithHistoryTheirOwnPicks() throws Exception {
        UUID newcomer = UUID.randomUUID();
        Map<String, Object> bestsellers = picks(as(newcomer), "");
        assertThat(bestsellers.get("basedOn")).isEqualTo("BESTSELLERS");
        addBook("Always One In Stock", 5);
        assertThat(ids(picks(as(newcomer), ""), "picks")).isNotEmpty();

        UUID regular = UUID.randomUUID();
        String pick = addBook("A Personal Pick", 5);
        String soldOutPick = addBook("A Sold Out Pick", 0);
        String alreadyBought = addBook("Already Bought Pick", 5);
        awaitHandled(publish(
                personal(regular, Instant.now(), List.of(soldOutPick, alreadyBought, pick), List.of(alreadyBought))));

        Map<String, Object> own = picks(as(regular), "");
        assertThat(own.get("basedOn")).isEqualTo("PURCHASES");
        assertThat(ids(own, "picks")).containsExactly(pick);
        assertThat(ids(picks(as(newcomer), "?limit=20"), "picks")).doesNotContain(soldOutPick);
    }

    @Test
    void aCustomerWhosePicksAreAllGoneIsPickedTheCategoriesBestsellersThenTheShopsTheyHaveNotBought() throws Exception {
        UUID customer = UUID.randomUUID();
        String bought = addBook("Bought Already, Sells Best", 5);
        String soldOut = addBook("Their Only Pick, Sold Out", 0);
        String first = addBook("Sells Best In Two Categories", 5);
        String second = addBook("Sells Well In One", 5);
        String soldOutBestseller = addBook("Sold Out Bestseller", 0);
        String shopsOwn = addBook("The Shop's Own Bestseller", 5);
        // Copies sold lately, by far the most of any category's (no other test publishes categories).
        publish(category("Travel", 9e9, bought, soldOutBestseller, first, second));
        publish(category("Maps", 5e9, first));
        awaitHandled(publish(personal(customer, Instant.now(), List.of(soldOut), List.of(bought))));
        // The shop's own best seller by far, whatever other tests sold.
        analytics.send(Topics.SALES_EVENTS, UpstreamEvents.sold(shopsOwn, 1_000_000));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(ids(picks(as(customer), "?limit=3"), "picks"))
                        .containsExactly(first, second, shopsOwn));
        Map<String, Object> picks = picks(as(customer), "?limit=20");
        assertThat(picks.get("basedOn")).isEqualTo("BESTSELLERS");
        assertThat(ids(picks, "picks")).doesNotContain(bought, soldOut, soldOutBestseller);
        assertThat(ids(picks(as(UUID.randomUUID()), "?limit=2"), "picks"))
                .as("a customer who did not buy it is picked the best seller of all")
                .containsExactly(bought, first);
    }

    @Test
    void aBadLimitIsAProblem() {
        String bookId = addBook("Limited Interest", 5);
        WebTestClient customer = as(UUID.randomUUID());
        for (String limit : List.of("0", "21", "-1")) {
            expectProblem(http, "/api/books/" + bookId + "/recommendations?limit=" + limit, 400, "validation");
            expectProblem(customer, "/api/recommendations/me?limit=" + limit, 400, "validation");
        }
        expectProblem(http, "/api/books/" + bookId + "/recommendations?limit=many", 400, "malformed-request");
        expectProblem(customer, "/api/recommendations/me?limit=many", 400, "malformed-request");
    }

    @Test
    void anUnknownBookIsNotFoundAndAMalformedIdABadRequest() {
        expectProblem(http, "/api/books/" + UUID.randomUUID() + "/recommendations", 404, "book-not-found");
        expectProblem(http, "/api/books/not-a-book/recommendations", 400, "validation");
    }

    @Test
    void ownPicksWithoutATokenAreUnauthorized() {
        expectProblem(http, "/api/recommendations/me", 401, "unauthenticated");
        http.get().uri("/api/recommendations/me").exchange().expectHeader().exists(HttpHeaders.WWW_AUTHENTICATE);
    }

    /** The request is answered with a problem of this status and type, as the shop's problems are. */
    private static void expectProblem(WebTestClient who, String uri, int status, String type) {
        who.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/" + type);
    }

    private String addBook(String title, int stock) {
        return catalogue.add(with(book(TestIsbns.next(), title, "Companion Author", "en"), "initialStock", stock));
    }

    private static Map<String, Object> described(
            String title, String author, String category, String description, int stock) {
        Map<String, Object> body = with(book(TestIsbns.next(), title, author, "en"), "initialStock", stock);
        body = with(body, "categories", List.of(category));
        return with(body, "description", description);
    }

    private String discontinue(String bookId) {
        catalogue
                .admin()
                .delete()
                .uri("/api/books/{id}", bookId)
                .header(HttpHeaders.IF_MATCH, "\"0\"")
                .exchange()
                .expectStatus()
                .isNoContent();
        return bookId;
    }

    private WebTestClient as(UUID customer) {
        return http.mutateWith(mockJwt()
                .jwt(jwt -> jwt.subject(customer.toString()))
                .authorities(new SimpleGrantedAuthority("ROLE_CUSTOMER")));
    }

    private static RecommendationsComputed boughtTogether(String bookId, Instant at, String... books) {
        return new RecommendationsComputed(
                UUID.randomUUID(), at, "book:" + bookId, "BOUGHT_TOGETHER", ranked(List.of(books)), List.of());
    }

    /** A category's bestsellers, the first having sold {@code copies} lately and each after it a copy less. */
    private static RecommendationsComputed category(String name, double copies, String... books) {
        List<RecommendedBook> ranked = java.util.stream.IntStream.range(0, books.length)
                .mapToObj(i -> new RecommendedBook(books[i], copies - i, (long) copies - i))
                .toList();
        return new RecommendationsComputed(
                UUID.randomUUID(), Instant.now(), "category:" + name, "CATEGORY_BESTSELLERS", ranked, List.of());
    }

    private RecommendationsComputed personal(UUID customer, Instant at, List<String> picks, List<String> purchased) {
        return new RecommendationsComputed(
                UUID.randomUUID(),
                at,
                "customer:" + pseudonym.of(customer.toString()),
                "PERSONAL",
                ranked(picks),
                purchased);
    }

    private static List<RecommendedBook> ranked(List<String> books) {
        return java.util.stream.IntStream.range(0, books.size())
                .mapToObj(i -> new RecommendedBook(books.get(i), 1.0 / (i + 1), books.size() - i))
                .toList();
    }

    private RecordMetadata publish(RecommendationsComputed record) throws Exception {
        return analytics.send(Topics.RECOMMENDATIONS, record);
    }

    private void awaitHandled(RecordMetadata record) {
        await().atMost(Duration.ofSeconds(20)).until(() -> analytics.handled(GROUP, record));
    }

    private static Map<String, Object> recommendations(WebTestClient who, String bookId, String query) {
        return answer(who, "/api/books/" + bookId + "/recommendations" + query);
    }

    private static Map<String, Object> picks(WebTestClient who, String query) {
        return answer(who, "/api/recommendations/me" + query);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> answer(WebTestClient who, String uri) {
        return who.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> answer, String list) {
        return ((List<Map<String, Object>>) answer.get(list))
                .stream().map(item -> (String) item.get("id")).toList();
    }
}
