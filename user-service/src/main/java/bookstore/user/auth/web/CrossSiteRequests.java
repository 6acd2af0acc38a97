package bookstore.user.auth.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Mono;

/**
 * The CSRF defence of the cookie session (ADR 11). A browser attaches the session cookie on its
 * own, so a request that carries it proves nothing about which page sent it. A custom header does:
 * a form cannot send one, and a script on another origin can only after a CORS preflight, which the
 * gateway refuses to every origin but the shop's. Where the browser names the initiator
 * ({@code Sec-Fetch-Site}), a cross-site request is refused outright as well.
 */
final class CrossSiteRequests {

    /** Any non-empty value will do; the storefront sends {@code bookstore-storefront}. */
    static final String REQUESTED_WITH = "X-Requested-With";

    private static final String FETCH_SITE = "Sec-Fetch-Site";

    private CrossSiteRequests() {}

    /** Completes for a request the shop's own pages could have sent; fails with {@link CrossSiteRequestRefused} otherwise. */
    static Mono<Void> refuse(ServerHttpRequest request) {
        return Mono.defer(
                () -> isForeign(request.getHeaders()) ? Mono.error(new CrossSiteRequestRefused()) : Mono.empty());
    }

    private static boolean isForeign(HttpHeaders headers) {
        String requestedWith = headers.getFirst(REQUESTED_WITH);
        if (requestedWith == null || requestedWith.isBlank()) {
            return true;
        }
        return headers.getOrigin() != null && "cross-site".equalsIgnoreCase(headers.getFirst(FETCH_SITE));
    }
}
