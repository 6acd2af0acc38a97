package bookstore.testsupport.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every paged listing answers at the edge of the platform's result window ({@code PageWindow}: a listing is paged
 * through its first 10,000 items): a page beyond it, however large, is a 400 {@code validation} problem naming
 * {@code page} and the limit; the last page within it is answered.
 */
public final class PageWindowContract {

    /** A page whose offset overflows an int, and the first page past the window at sizes 20 and 100. */
    public static final List<String> BEYOND =
            List.of("page=2147483647&size=20", "page=500&size=20", "page=100&size=100");

    private PageWindowContract() {}

    /** Asks the listing (which may carry a query of its own) for each page {@link #BEYOND} the window. */
    public static void refusesPagesBeyondTheWindow(WebTestClient client, String listing) {
        for (String paging : BEYOND) {
            client.get()
                    .uri(listing + (listing.contains("?") ? "&" : "?") + paging)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://bookstore.example/problems/validation")
                    .jsonPath("$.errors.length()")
                    .isEqualTo(1)
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("page")
                    .jsonPath("$.errors[0].message")
                    .value(message -> assertThat((String) message).as(paging).contains("10000"));
        }
    }

    /** The last page within the window at size 20, page 499: answered as that page; the body for more checks. */
    public static WebTestClient.BodyContentSpec answersTheLastPage(WebTestClient client, String listing) {
        return client.get()
                .uri(listing + (listing.contains("?") ? "&" : "?") + "page=499&size=20")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.page")
                .isEqualTo(499)
                .jsonPath("$.size")
                .isEqualTo(20);
    }
}
