package bookstore.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

import bookstore.gateway.StubService.ReceivedRequest;
import bookstore.testsupport.StubIdentityProvider;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The Swagger UI at {@code /api/docs} and every service's OpenAPI document through the gateway, each from its stub
 * service (which serves the service's committed document), beside a storefront (the fake build of
 * {@link StorefrontIntegrationTests}) whose pages must keep working.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "bookstore.gateway.storefront.location=classpath:/fake-storefront/"})
class ApiDocsIntegrationTests extends EveryServiceStubbed {

    static final StubIdentityProvider identity = StubIdentityProvider.start();

    static final String UI = "/api/docs/swagger-ui/index.html";

    static final String UI_POLICY = "default-src 'none'; script-src 'self'; "
            + "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    static final String NAVIGATION = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    static final String DOCUMENTS_PREFIX = "api-docs-";

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        registry.add("bookstore.gateway.tokens.jwks-uri", identity::jwksUri);
    }

    @AfterAll
    static void stopIdentityProvider() {
        identity.close();
    }

    @Autowired
    RouteLocator routeLocator;

    /** Nobody signed in: the documentation is for anyone. */
    WebTestClient anonymous;

    @BeforeEach
    void connect() {
        anonymous =
                WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void apiDocsShowsTheSwaggerUiWithAPolicyThatLetsItLoadOnlyItsOwnFiles() {
        anonymous
                .get()
                .uri("/api/docs")
                .header(HttpHeaders.ACCEPT, NAVIGATION)
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .location(UI);

        String page = anonymous
                .get()
                .uri(UI)
                .header(HttpHeaders.ACCEPT, NAVIGATION)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader()
                .valueEquals("Content-Security-Policy", UI_POLICY)
                .expectHeader()
                .valueEquals("X-Frame-Options", "DENY")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(page).contains("<div id=\"swagger-ui\">", "./swagger-ui-bundle.js", "./swagger-initializer.js");
        // Only the UI's own files: nothing inline, which the policy would refuse.
        assertThat(page).doesNotContain("<script>", "<style", " style=\"");

        for (String file : List.of("swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css")) {
            anonymous
                    .get()
                    .uri("/api/docs/swagger-ui/" + file)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals("Content-Security-Policy", UI_POLICY);
        }
        String initializer = anonymous
                .get()
                .uri("/api/docs/swagger-ui/swagger-initializer.js")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(initializer).contains("/api/docs/swagger-config").doesNotContain("petstore");
        assertThat(allReceived()).as("requests that reached a service").isEmpty();
    }

    @Test
    void theUisSettingsListEveryServicesDocumentAndNoPublicValidator() {
        Map<?, ?> settings = swaggerConfig();

        assertThat(settings.get("urls"))
                .asInstanceOf(list(Map.class))
                .extracting(url -> url.get("name") + " " + url.get("url"))
                .containsExactlyInAnyOrder(services.stream()
                        .map(service -> service.name() + "-service /api/docs/" + service.name() + "-service")
                        .toArray(String[]::new));
        assertThat(settings.get("urls.primaryName")).isEqualTo("catalog-service");
        assertThat(settings.get("validatorUrl")).isEqualTo("none");
        anonymous
                .get()
                .uri("/api/docs/swagger-config")
                .exchange()
                .expectHeader()
                .valueEquals("Content-Security-Policy", API_POLICY);
    }

    static Stream<StubService> documentedServices() {
        return services.stream();
    }

    // The stubs are AutoCloseable: JUnit would close each one after the invocation that received it.
    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("documentedServices")
    void eachServicesDocumentIsProxiedUnchangedToAnyoneAndMayBeKeptBriefly(StubService service) {
        byte[] document = anonymous
                .get()
                .uri("/api/docs/" + service.name() + "-service")
                // Past whatever the gateway kept from an earlier test: this one is about the service's answer.
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(MediaType.APPLICATION_JSON)
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=30")
                .expectHeader()
                .doesNotExist(HttpHeaders.PRAGMA)
                .expectHeader()
                .doesNotExist(HttpHeaders.EXPIRES)
                .expectHeader()
                .valueEquals("Content-Security-Policy", API_POLICY)
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();

        assertThat(document).isEqualTo(service.document());
        assertThat(service.received())
                .extracting(ReceivedRequest::method, ReceivedRequest::uri)
                .containsExactly(tuple("GET", "/v3/api-docs"));
        assertThat(allReceived()).hasSize(1);
    }

    @Test
    void aDocumentIsAnsweredAgainFromTheGatewayForAWhile() {
        String path = "/api/docs/order-service";
        anonymous
                .get()
                .uri(path)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .exchange()
                .expectStatus()
                .isOk();

        anonymous
                .get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .exists(HttpHeaders.AGE)
                .expectBody(byte[].class)
                .isEqualTo(orders.document());

        assertThat(orders.received()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void aDocumentIsOnlyEverRead(String method) {
        // An administrator, so the access rules let the request through to routing: no route takes it.
        WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build()
                .method(HttpMethod.valueOf(method))
                .uri("/api/docs/catalog-service")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.adminToken())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        // Without a token it is no open route at all.
        anonymous
                .method(HttpMethod.valueOf(method))
                .uri("/api/docs/catalog-service")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isUnauthorized();

        assertThat(allReceived()).isEmpty();
    }

    /**
     * The gateway's route table against what the UI offers: every service an API route reaches has a document route
     * to the same address, and the UI lists every document route. A service routed to but left out of either fails
     * here.
     */
    @Test
    void everyServiceTheApiRoutesReachIsDocumentedInTheUi() {
        List<Route> routes = routeLocator.getRoutes().collectList().block();
        assertThat(routes).isNotEmpty();
        Map<URI, List<String>> documentsByService = routes.stream()
                .filter(route -> route.getId().startsWith(DOCUMENTS_PREFIX))
                .collect(Collectors.groupingBy(
                        Route::getUri, Collectors.mapping(route -> route.getId(), Collectors.toList())));
        List<Route> apiRoutes = routes.stream()
                .filter(route -> !route.getId().startsWith(DOCUMENTS_PREFIX))
                .toList();
        assertThat(apiRoutes).hasSizeGreaterThanOrEqualTo(services.size());
        for (Route route : apiRoutes) {
            assertThat(documentsByService)
                    .as("a document route to %s, where the route %s goes", route.getUri(), route.getId())
                    .containsKey(route.getUri());
        }

        List<String> offered = ((List<?>) swaggerConfig().get("urls"))
                .stream().map(url -> (String) ((Map<?, ?>) url).get("url")).toList();
        documentsByService.values().stream().flatMap(List::stream).forEach(id -> assertThat(offered)
                .as("documents the UI offers")
                .contains("/api/docs/" + id.substring(DOCUMENTS_PREFIX.length())));
    }

    @Test
    void theStorefrontsPagesAreStillServedBesideTheDocs() {
        anonymous
                .get()
                .uri("/books/42")
                .header(HttpHeaders.ACCEPT, NAVIGATION)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("text/html;charset=UTF-8")
                .expectHeader()
                .value("Content-Security-Policy", policy -> assertThat(policy).startsWith("default-src 'self'"));
        // A document path that is no service's is nobody's page either.
        anonymous
                .get()
                .uri("/api/docs/shipping-service")
                .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private Map<?, ?> swaggerConfig() {
        return anonymous
                .get()
                .uri("/api/docs/swagger-config")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }
}
