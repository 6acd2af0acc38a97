package bookstore.analytics.imports;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The import endpoint as the tests call it: as an admin, a customer or nobody, with a CSV body. */
public final class ImportsApi {

    public static final MediaType CSV = MediaType.parseMediaType("text/csv");
    public static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
            new ParameterizedTypeReference<>() {};

    private ImportsApi() {}

    public static WebTestClient admin(WebTestClient http) {
        return http.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_ADMIN")));
    }

    public static WebTestClient customer(WebTestClient http) {
        return http.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_CUSTOMER")));
    }

    public static WebTestClient.ResponseSpec importing(WebTestClient client, String csv) {
        return importing(client, CSV, csv);
    }

    public static WebTestClient.ResponseSpec importing(WebTestClient client, MediaType type, String csv) {
        return client.post()
                .uri("/api/analytics/imports")
                .contentType(type)
                .bodyValue(csv)
                .exchange();
    }

    /** The answer to an import the service accepted. */
    public static Map<String, Object> accepted(WebTestClient admin, String csv) {
        return importing(admin, csv)
                .expectStatus()
                .isAccepted()
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody();
    }
}
