package bookstore.gateway.security;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The browser origins whose pages may call the API, such as the storefront's {@code https://shop.example.com}. None by
 * default: then every cross-origin request is refused. Each must be an exact origin; a wildcard is refused at start-up,
 * since it would let any site's scripts drive a signed-in customer's API calls.
 */
@ConfigurationProperties("bookstore.gateway.cors")
record CrossOriginProperties(List<String> allowedOrigins) {

    CrossOriginProperties {
        allowedOrigins = allowedOrigins == null
                ? List.of()
                : allowedOrigins.stream()
                        .map(String::trim)
                        .filter(origin -> !origin.isEmpty())
                        .map(CrossOriginProperties::requireOrigin)
                        .toList();
    }

    private static String requireOrigin(String origin) {
        URI uri;
        try {
            uri = URI.create(origin);
        } catch (IllegalArgumentException e) {
            throw notAnOrigin(origin);
        }
        boolean isOrigin = ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                && uri.getHost() != null
                && uri.getUserInfo() == null
                && (uri.getRawPath() == null
                        || uri.getRawPath().isEmpty()
                        || uri.getRawPath().equals("/"))
                && uri.getRawQuery() == null
                && uri.getRawFragment() == null;
        if (!isOrigin) {
            throw notAnOrigin(origin);
        }
        // Browsers send the origin without a trailing slash; a copied URL often has one.
        return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    }

    private static IllegalArgumentException notAnOrigin(String origin) {
        return new IllegalArgumentException("bookstore.gateway.cors.allowed-origins: '" + origin
                + "' is not an origin such as https://shop.example.com (scheme, host and optional port only)");
    }
}
