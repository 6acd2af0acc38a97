package bookstore.gateway.storefront;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the storefront's built files are and what its pages may load.
 *
 * @param location the folder holding {@code index.html} and {@code assets/}: the storefront jar's
 *     {@code classpath:/storefront/} by default, or e.g. {@code file:storefront/dist/} for a build on disk. Without an
 *     {@code index.html} there (checked at start-up) the gateway serves the API only.
 * @param contentSecurityPolicy the policy of the storefront's pages: scripts, styles and connections from the shop's
 *     own origin only, no inline script and no {@code eval}, never framed. The API's answers keep their own, stricter
 *     policy (nothing may load at all). A UI that needs more (fonts from a CDN, say) tunes it here; blank means this
 *     default.
 */
@ConfigurationProperties("bookstore.gateway.storefront")
record StorefrontProperties(
        @DefaultValue("classpath:/storefront/") String location,
        @DefaultValue(DEFAULT_CONTENT_SECURITY_POLICY) String contentSecurityPolicy) {

    static final String DEFAULT_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: https:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    StorefrontProperties {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("bookstore.gateway.storefront.location must name a folder");
        }
        // A location is a folder: its files are resolved relative to it.
        location = location.endsWith("/") ? location : location + "/";
        // Blank (BOOKSTORE_STOREFRONT_CSP set empty) means the default, never no policy: the page would then get the
        // API's, under which nothing loads.
        contentSecurityPolicy = contentSecurityPolicy == null || contentSecurityPolicy.isBlank()
                ? DEFAULT_CONTENT_SECURITY_POLICY
                : contentSecurityPolicy.trim();
    }
}
