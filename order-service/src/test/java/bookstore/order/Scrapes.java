package bookstore.order;

import org.springframework.test.web.reactive.server.WebTestClient;

/** What Prometheus reads from the service: its /actuator/prometheus page. */
public final class Scrapes {

    private Scrapes() {}

    /**
     * The whole page. It grows with every series the tests sharing a context have made (each HTTP route and
     * status, histograms' buckets), past the client's default 256 KiB.
     */
    public static String prometheus(WebTestClient http) {
        return http.mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }
}
