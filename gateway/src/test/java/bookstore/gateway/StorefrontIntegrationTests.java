package bookstore.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import bookstore.testsupport.StubIdentityProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/**
 * The storefront served at {@code /}, from a small fake build in {@code src/test/resources/fake-storefront} rather
 * than the real one: an {@code index.html} and a content-hashed script, each with {@code .br} and {@code .gz}
 * siblings, a hashed stylesheet without any, a favicon with a {@code .gz} only, and {@code robots.txt}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.server.port=0",
            "bookstore.gateway.storefront.location=classpath:/fake-storefront/",
            // These tests send many requests from one address; the limits have tests of their own.
            "bookstore.gateway.rate-limits.enabled=false"
        })
class StorefrontIntegrationTests extends EveryServiceStubbed {

    static final StubIdentityProvider identity = StubIdentityProvider.start();

    /** What a browser sends when it navigates to a page. */
    static final String NAVIGATION = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    static final String SCRIPT = "/assets/index-3f2a1b9c.js";

    static final String STYLESHEET = "/assets/index-7d4e5f60.css";

    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: https:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        registry.add("bookstore.gateway.tokens.jwks-uri", identity::jwksUri);
    }

    @LocalManagementPort
    int managementPort;

    WebTestClient gateway;

    @BeforeEach
    void connect() {
        // Reactor Netty as it comes, not as Spring's connector sets it up: that one asks for gzip on its own and
        // unzips the answer, which would hide what the gateway sent.
        gateway = WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create()))
                .baseUrl("http://localhost:" + port)
                .build();
    }

    @AfterAll
    static void stopIdentityProvider() {
        identity.close();
    }

    static byte[] fixture(String path) {
        try {
            return new ClassPathResource("fake-storefront" + path).getContentAsByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebTestClient.ResponseSpec get(String path, String accept) {
        return gateway.get().uri(path).header(HttpHeaders.ACCEPT, accept).exchange();
    }

    static void expectNotFoundProblem(WebTestClient.ResponseSpec response) {
        response.expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/not-found");
    }

    @Nested
    class Pages {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "/",
                    "/books/123",
                    "/search?q=三体",
                    "/admin/orders",
                    "/cart",
                    "/account/orders/7",
                    "/authors/鲁迅"
                })
        void answersABrowsersNavigationToAnyPageWithTheStorefrontToBeRevalidatedOnEveryUse(String path) {
            byte[] page = get(path, NAVIGATION)
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .contentType("text/html;charset=UTF-8")
                    .expectHeader()
                    .valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .expectHeader()
                    .exists(HttpHeaders.ETAG)
                    .expectBody(byte[].class)
                    .returnResult()
                    .getResponseBody();

            assertThat(page).isEqualTo(fixture("/index.html"));
            assertThat(allReceived()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"text/html", "text/*", "*/*", "application/json, text/html;q=0.1"})
        void servesThePageWhateverTheAcceptThatAllowsHtml(String accept) {
            get("/books/123", accept).expectStatus().isOk().expectHeader().contentType("text/html;charset=UTF-8");
        }

        @Test
        void servesThePageToAClientThatSaysNothingOfWhatItAccepts() throws IOException {
            // HTTP clients, Reactor Netty's included, send Accept: */* unless told otherwise.
            RawHttp.Response response = RawHttp.get(port, "/books/123");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.contentType()).isEqualTo("text/html;charset=UTF-8");
            assertThat(response.body()).contains("data-fixture=\"fake-storefront\"");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "application/json",
                    "application/problem+json",
                    "image/avif,image/webp,image/*",
                    "text/html;q=0, */*",
                    "not a media type"
                })
        void answersARequestThatDoesNotAcceptHtmlWithANotFoundProblem(String accept) {
            expectNotFoundProblem(get("/books/123", accept));
            expectNotFoundProblem(get("/", accept));
        }

        @ParameterizedTest
        @ValueSource(strings = {"/api", "/api/unknown", "/api/bookshelf", "/actuator", "/actuator/health"})
        void neverAnswersTheApisOrTheActuatorsPathsWithThePage(String path) {
            for (String accept : new String[] {NAVIGATION, MediaType.APPLICATION_JSON_VALUE}) {
                // An administrator's token: without one, unknown API paths are refused before they are looked up.
                expectNotFoundProblem(gateway.get()
                        .uri(path)
                        .header(HttpHeaders.ACCEPT, accept)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.adminToken())
                        .exchange());
            }

            assertThat(allReceived()).isEmpty();
        }

        @Test
        void stillRoutesTheApiForABrowser() {
            get("/api/books/42", NAVIGATION)
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_JSON)
                    .expectBody()
                    .jsonPath("$.service")
                    .isEqualTo("catalog");
        }

        @Test
        void answersOnlyGetAndHeadWithThePage() {
            expectNotFoundProblem(gateway.post()
                    .uri("/books/123")
                    .header(HttpHeaders.ACCEPT, NAVIGATION)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .bodyValue("q=1")
                    .exchange());
            expectNotFoundProblem(gateway.delete()
                    .uri("/")
                    .header(HttpHeaders.ACCEPT, NAVIGATION)
                    .exchange());
        }

        @Test
        void answersHeadWithThePagesHeadersAndNoBody() {
            gateway.head()
                    .uri("/books/123")
                    .header(HttpHeaders.ACCEPT, NAVIGATION)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .contentType("text/html;charset=UTF-8")
                    .expectHeader()
                    .contentLength(fixture("/index.html").length)
                    .expectHeader()
                    .valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .expectBody()
                    .isEmpty();
        }

        @Test
        void servesIndexHtmlAskedForByNameAsThePage() {
            get("/index.html", MediaType.APPLICATION_JSON_VALUE)
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .expectHeader()
                    .valueEquals("Content-Security-Policy", PAGE_POLICY);
        }

        @Test
        void answersARevalidationOfAnUnchangedPageWithNotModifiedAndThePagesHeaders() {
            String etag = get("/books/123", NAVIGATION)
                    .expectStatus()
                    .isOk()
                    .returnResult(byte[].class)
                    .getResponseHeaders()
                    .getETag();

            gateway.get()
                    .uri("/cart")
                    .header(HttpHeaders.ACCEPT, NAVIGATION)
                    .header(HttpHeaders.IF_NONE_MATCH, etag)
                    .exchange()
                    .expectStatus()
                    .isNotModified()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, etag)
                    .expectHeader()
                    .valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .expectHeader()
                    .valueEquals("Content-Security-Policy", PAGE_POLICY)
                    .expectBody()
                    .isEmpty();
            // Another version of the page (another release) is sent whole.
            get("/cart", NAVIGATION).expectStatus().isOk();
            gateway.get()
                    .uri("/cart")
                    .header(HttpHeaders.ACCEPT, NAVIGATION)
                    .header(HttpHeaders.IF_NONE_MATCH, "\"from-an-older-release\"")
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
    }

    @Nested
    class Files {

        @Test
        void servesContentHashedAssetsToBeKeptForAYear() {
            byte[] script = get(SCRIPT, "*/*")
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .contentType("text/javascript;charset=UTF-8")
                    .expectHeader()
                    .valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
                    // Nothing of the no-store default the gateway gives other responses.
                    .expectHeader()
                    .doesNotExist(HttpHeaders.PRAGMA)
                    .expectHeader()
                    .doesNotExist(HttpHeaders.EXPIRES)
                    .expectBody(byte[].class)
                    .returnResult()
                    .getResponseBody();

            assertThat(script).isEqualTo(fixture(SCRIPT));
            get(STYLESHEET, "text/css,*/*;q=0.1")
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .contentType("text/css;charset=UTF-8")
                    .expectHeader()
                    .valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable");
        }

        @Test
        void servesTheBuildsOtherFilesToBeKeptForAnHour() {
            get("/favicon.svg", "image/avif,image/webp,image/*,*/*;q=0.8")
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .contentType("image/svg+xml;charset=UTF-8")
                    .expectHeader()
                    .valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=3600");
            get("/robots.txt", "text/plain")
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .contentType("text/plain;charset=UTF-8")
                    .expectHeader()
                    .valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
                    .expectBody(byte[].class)
                    .isEqualTo(fixture("/robots.txt"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"/assets/index-00000000.js", "/assets/gone.css", "/assets/", "/assets"})
        void answersAMissingAssetWithANotFoundProblemNeverWithThePage(String path) {
            expectNotFoundProblem(
                    get(path, NAVIGATION).expectHeader().value(HttpHeaders.CACHE_CONTROL, cache -> assertThat(cache)
                            .contains("no-store")));
        }

        @Test
        void answersHeadForAnAssetWithItsHeadersAndNoBody() {
            gateway.head()
                    .uri(SCRIPT)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .contentLength(fixture(SCRIPT).length)
                    .expectHeader()
                    .valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
                    .expectBody()
                    .isEmpty();
        }
    }

    @Nested
    class PrecompressedFiles {

        @Test
        void servesTheBrotliFileTheBuildWroteToABrowserThoughItListsGzipFirst() {
            EntityExchangeResult<byte[]> script = gateway.get()
                    .uri(SCRIPT)
                    .header(HttpHeaders.ACCEPT_ENCODING, "gzip, deflate, br, zstd")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(HttpHeaders.CONTENT_ENCODING, "br")
                    .expectHeader()
                    .contentType("text/javascript;charset=UTF-8")
                    .expectHeader()
                    .contentLength(fixture(SCRIPT + ".br").length)
                    .expectHeader()
                    .valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
                    .expectBody(byte[].class)
                    .returnResult();

            assertThat(script.getResponseBody()).isEqualTo(fixture(SCRIPT + ".br"));
            // CORS varies every response by Origin; the file's own Vary is added to it, not put in its place.
            assertThat(script.getResponseHeaders().getVary()).contains("Accept-Encoding", "Origin");
        }

        @Test
        void servesTheGzipFileToAClientThatAcceptsOnlyGzip() throws IOException {
            byte[] page = gateway.get()
                    .uri("/books/123")
                    .header(HttpHeaders.ACCEPT, NAVIGATION)
                    .header(HttpHeaders.ACCEPT_ENCODING, "gzip")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(HttpHeaders.CONTENT_ENCODING, "gzip")
                    .expectHeader()
                    .contentType("text/html;charset=UTF-8")
                    .expectHeader()
                    .valueEquals("Content-Security-Policy", PAGE_POLICY)
                    .expectBody(byte[].class)
                    .returnResult()
                    .getResponseBody();

            try (GZIPInputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(page))) {
                assertThat(unzipped.readAllBytes()).isEqualTo(fixture("/index.html"));
            }
        }

        @Test
        void servesTheCompressedFileThereIs() {
            gateway.get()
                    .uri("/favicon.svg")
                    .header(HttpHeaders.ACCEPT_ENCODING, "br, gzip")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(HttpHeaders.CONTENT_ENCODING, "gzip")
                    .expectBody(byte[].class)
                    .isEqualTo(fixture("/favicon.svg.gz"));
        }

        @Test
        void servesTheFileAsItIsWhenTheClientAcceptsNoCompressionOrNoneWasBuilt() {
            gateway.get()
                    .uri(SCRIPT)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .doesNotExist(HttpHeaders.CONTENT_ENCODING)
                    // A shared cache must not hand this copy to a client that asked for a compressed one, or back.
                    .expectHeader()
                    .values(HttpHeaders.VARY, vary -> assertThat(vary).contains("Accept-Encoding"))
                    .expectBody(byte[].class)
                    .isEqualTo(fixture(SCRIPT));
            gateway.get()
                    .uri(SCRIPT)
                    .header(HttpHeaders.ACCEPT_ENCODING, "br;q=0, gzip;q=0, identity")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .doesNotExist(HttpHeaders.CONTENT_ENCODING);
            gateway.get()
                    .uri(STYLESHEET)
                    .header(HttpHeaders.ACCEPT_ENCODING, "br, gzip")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .doesNotExist(HttpHeaders.CONTENT_ENCODING)
                    .expectBody(byte[].class)
                    .isEqualTo(fixture(STYLESHEET));
        }

        @Test
        void tagsEachEncodingOfAFileDifferently() {
            String plain = etagOf(SCRIPT, "identity");
            String brotli = etagOf(SCRIPT, "br");
            String gzip = etagOf(SCRIPT, "gzip");

            assertThat(plain).isNotBlank();
            assertThat(brotli).isNotBlank().isNotEqualTo(plain);
            assertThat(gzip).isNotBlank().isNotEqualTo(plain).isNotEqualTo(brotli);
            assertThat(etagOf(SCRIPT, "br")).isEqualTo(brotli);
        }

        @Test
        void neverCompressesAnApiAnswer() {
            gateway.get()
                    .uri("/api/books/42")
                    .header(HttpHeaders.ACCEPT_ENCODING, "gzip, deflate, br")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .doesNotExist(HttpHeaders.CONTENT_ENCODING)
                    .expectBody()
                    .jsonPath("$.service")
                    .isEqualTo("catalog");
        }

        private String etagOf(String path, String acceptEncoding) {
            return gateway.get()
                    .uri(path)
                    .header(HttpHeaders.ACCEPT_ENCODING, acceptEncoding)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .returnResult(byte[].class)
                    .getResponseHeaders()
                    .getETag();
        }
    }

    @Nested
    class SecurityHeaders {

        @Test
        void givesThePageItsOwnPolicyWithTheUsualHeaders() {
            get("/admin/orders", NAVIGATION)
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals("Content-Security-Policy", PAGE_POLICY)
                    .expectHeader()
                    .valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader()
                    .valueEquals("X-Frame-Options", "DENY")
                    .expectHeader()
                    .valueEquals("Referrer-Policy", "no-referrer");
        }

        @Test
        void keepsTheApisPolicyForEverythingButThePage() {
            get("/api/books/42", NAVIGATION)
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals("Content-Security-Policy", API_POLICY);
            get("/books/123", MediaType.APPLICATION_JSON_VALUE)
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .valueEquals("Content-Security-Policy", API_POLICY);
            get(SCRIPT, "*/*")
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals("Content-Security-Policy", API_POLICY)
                    .expectHeader()
                    .valueEquals("X-Content-Type-Options", "nosniff");
        }
    }

    @Nested
    class EdgeProtection {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "/assets/../application.yaml",
                    "/assets/../../bookstore/gateway/GatewayApplication.class",
                    "/assets/%2e%2e/%2e%2e/application.yaml",
                    "/assets%2F..%2F..%2Fapplication.yaml",
                    "/books/..;/..;/application.yaml",
                    "/..%5C..%5Capplication.yaml",
                    "/%252e%252e/application.yaml"
                })
        void rejectsPathTricksOutsideTheApiToo(String rawTarget) throws IOException {
            RawHttp.Response response = RawHttp.get(port, rawTarget, "Accept: " + NAVIGATION + "\r\n");

            assertThat(response.status()).isEqualTo(HttpStatus.BAD_REQUEST.value());
            assertThat(response.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(response.body())
                    .contains("https://bookstore.example/problems/request-rejected")
                    .doesNotContain("fake-storefront")
                    .doesNotContain("spring:");
        }

        @Test
        void servesNothingOfTheStorefrontOnTheManagementPort() {
            WebTestClient.bindToServer()
                    .baseUrl("http://localhost:" + managementPort)
                    .build()
                    .get()
                    .uri("/books/123")
                    .header(HttpHeaders.ACCEPT, NAVIGATION)
                    .exchange()
                    .expectStatus()
                    .isNotFound();
        }
    }
}
