package bookstore.systemtests.support;

import java.net.http.HttpHeaders;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** What the gateway answered, with what was asked, so a failed expectation says both. */
public record Response(String request, int status, HttpHeaders headers, String body) {

    /** This response, if it has the status; otherwise fails with the request and the body. */
    public Response expect(int expected) {
        if (status != expected) {
            throw new AssertionError(
                    request + " answered " + status + ", expected " + expected + ": " + abbreviated(body));
        }
        return this;
    }

    public JsonNode json() {
        return Client.JSON.readTree(body);
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    private static String abbreviated(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000) + "…";
    }

    @Override
    public String toString() {
        return request + " → " + status + " " + abbreviated(body);
    }
}
