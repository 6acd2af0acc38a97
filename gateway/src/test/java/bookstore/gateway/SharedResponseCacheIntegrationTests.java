package bookstore.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.testsupport.StubIdentityProvider;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway as a shared cache: what a service marks shareable is answered from memory while fresh, and nothing else
 * is. The stub catalogue numbers its answers and sets the Cache-Control, Set-Cookie and Vary its query asks for.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "bookstore.gateway.rate-limits.enabled=false"})
class SharedResponseCacheIntegrationTests {

    static final StubService catalog = StubService.start("catalog");
    static final StubIdentityProvider identity = StubIdentityProvider.start();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("bookstore.gateway.tokens.jwks-uri", identity::jwksUri);
        registry.add("bookstore.gateway.services.catalog", catalog::url);
    }

    @LocalServerPort
    int port;

    WebTestClient gateway;

    @BeforeEach
    void connect() {
        catalog.forget();
        gateway =
                WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @AfterAll
    static void stop() {
        catalog.close();
        identity.close();
    }

    @Test
    void aPublicAnswerIsServedByTheGatewayUntilItsMaxAgeRunsOut() {
        String search = searchFor("public,max-age=1");

        EntityExchangeResult<Map> first = get(search);
        EntityExchangeResult<Map> second = get(search);

        assertThat(catalog.received()).hasSize(1);
        assertThat(second.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(second.getResponseHeaders().getFirst(HttpHeaders.AGE)).isEqualTo("0");
        assertThat(second.getResponseHeaders().getFirst(HttpHeaders.CACHE_CONTROL))
                .isEqualTo("public,max-age=1");
        assertThat(second.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        // What the gateway adds to every response is the new request's, not the stored one's.
        assertThat(second.getResponseHeaders().getFirst("X-Request-Id"))
                .isNotBlank()
                .isNotEqualTo(first.getResponseHeaders().getFirst("X-Request-Id"));
        assertThat(second.getResponseHeaders().getFirst("X-Content-Type-Options"))
                .isEqualTo("nosniff");

        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    get(search);
                    assertThat(catalog.received()).hasSize(2);
                });
    }

    @Test
    void aCallerWithATokenAlwaysReachesTheService() {
        String search = searchFor("public,max-age=60");
        HttpHeaders withToken = new HttpHeaders();
        withToken.setBearerAuth(identity.customerToken());

        get(search, withToken);
        get(search, withToken);
        get(search);
        get(search, withToken);

        // The anonymous request was the first to be stored; the token holders' never were, nor were they answered.
        assertThat(catalog.received()).hasSize(4);
    }

    @Test
    void theAdministratorsCatalogueIsNeverStoredNorServedToAnyoneElse() {
        String catalogue = "/api/books/catalogue?page=" + System.nanoTime() + "&cache-control=public,max-age=60";
        HttpHeaders admin = new HttpHeaders();
        admin.setBearerAuth(identity.adminToken());

        get(catalogue, admin);
        get(catalogue, admin);
        gateway.get()
                .uri(URI.create("http://localhost:" + port + catalogue))
                .exchange()
                .expectStatus()
                .isUnauthorized();

        // Even marked public by mistake: only token holders reach it, and their answers are never stored.
        assertThat(catalog.received()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "cache-control=private,max-age=60",
                "cache-control=no-cache,no-store,max-age=0,must-revalidate",
                "cache-control=public,no-store,max-age=60",
                "cache-control=max-age=0",
                "cache-control=public",
                "cache-control=public,max-age=60&set-cookie=session=1",
                "cache-control=public,max-age=60&vary=Accept-Language",
                "no-cache-control=1"
            })
    void anAnswerThatMayNotBeSharedIsNeverStored(String query) {
        String uri = "/api/books?q=" + System.nanoTime() + "&" + query;

        get(uri);
        get(uri);

        assertThat(catalog.received()).hasSize(2);
    }

    @Test
    void aClientAskingForNoCacheGetsAFreshAnswerWhichIsThenShared() {
        String search = searchFor("public,max-age=60");
        HttpHeaders noCache = new HttpHeaders();
        noCache.setCacheControl("no-cache");

        get(search);
        EntityExchangeResult<Map> fresh = get(search, noCache);
        EntityExchangeResult<Map> shared = get(search);

        assertThat(catalog.received()).hasSize(2);
        assertThat(fresh.getResponseBody()).containsEntry("answer", 2);
        assertThat(shared.getResponseBody()).containsEntry("answer", 2);
    }

    @Test
    void requestsForAnotherQueryOrAnotherMediaTypeAreToldApart() {
        String search = searchFor("public,max-age=60");
        HttpHeaders acceptingJson = new HttpHeaders();
        acceptingJson.setAccept(List.of(MediaType.APPLICATION_JSON));

        get(search);
        get(search + "&page=2");
        get(search, acceptingJson);
        get(search, acceptingJson);

        assertThat(catalog.received()).hasSize(3);
    }

    /** A search of its own, so that no other test's stored answer is found. */
    private static String searchFor(String cacheControl) {
        return "/api/books?q=" + System.nanoTime() + "&cache-control=" + cacheControl;
    }

    @SuppressWarnings("rawtypes")
    private EntityExchangeResult<Map> get(String pathAndQuery) {
        return get(pathAndQuery, new HttpHeaders());
    }

    @SuppressWarnings("rawtypes")
    private EntityExchangeResult<Map> get(String pathAndQuery, HttpHeaders headers) {
        return gateway.get()
                .uri(URI.create("http://localhost:" + port + pathAndQuery))
                .headers(h -> h.addAll(headers))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult();
    }
}
