package bookstore.user.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.ExchangeResult;

/** One {@code Set-Cookie} header; attribute names lower-cased, as they are case-insensitive (RFC 6265). */
record SetCookie(String name, String value, Map<String, String> attributes) {

    /** The one cookie of that name the response sets; fails when it sets none or several. */
    static SetCookie named(String name, ExchangeResult result) {
        List<SetCookie> found = result.getResponseHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .map(SetCookie::parse)
                .filter(cookie -> cookie.name().equals(name))
                .toList();
        assertThat(found).as("Set-Cookie " + name).hasSize(1);
        return found.getFirst();
    }

    static SetCookie parse(String header) {
        String[] parts = header.split(";");
        String[] pair = parts[0].split("=", 2);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String[] attribute = parts[i].strip().split("=", 2);
            attributes.put(attribute[0].toLowerCase(Locale.ROOT), attribute.length == 2 ? attribute[1] : "");
        }
        return new SetCookie(pair[0].strip(), pair.length == 2 ? pair[1] : "", attributes);
    }
}
