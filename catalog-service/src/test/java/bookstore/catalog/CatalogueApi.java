package bookstore.catalog;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriBuilder;

/** The catalogue's HTTP API as tests use it: an admin who adds books and a shopper who searches. */
public final class CatalogueApi {

    private final WebTestClient anonymous;
    private final WebTestClient admin;

    public CatalogueApi(WebTestClient http) {
        this.anonymous = http;
        this.admin = http.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_ADMIN")));
    }

    public WebTestClient admin() {
        return admin;
    }

    public WebTestClient anonymous() {
        return anonymous;
    }

    /** Adds a book and returns its id. */
    public String add(Map<String, Object> body) {
        return add(body, headers -> {});
    }

    /** Adds a book with headers of the request's own (a trace context, say) and returns its id. */
    public String add(Map<String, Object> body, Consumer<HttpHeaders> headers) {
        return (String) admin.post()
                .uri("/api/books")
                .headers(headers)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id");
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> search(Function<UriBuilder, UriBuilder> query) {
        return anonymous
                .get()
                .uri(uri -> query.apply(uri.path("/api/books")).build())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    public Map<String, Object> search(String q) {
        return search(uri -> uri.queryParam("q", q));
    }

    @SuppressWarnings("unchecked")
    public static List<String> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items"))
                .stream().map(item -> (String) item.get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> book(String id) {
        return anonymous
                .get()
                .uri("/api/books/{id}", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }
}
