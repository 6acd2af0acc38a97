package bookstore.gateway.security;

import org.springframework.core.Ordered;

/**
 * The order in which a request meets the edge's filters. Cheap refusals come first and token validation late, so a
 * flood of requests with forged tokens is counted against its client before any signature is checked.
 */
public final class EdgeFilters {

    /** First after the request id, so that every response gets them, also those the filters below answer. */
    public static final int SECURITY_HEADERS = Ordered.HIGHEST_PRECEDENCE + 10;

    /** Before anything that may refuse a request, so the storefront can read every refusal. */
    public static final int CROSS_ORIGIN = -400;

    public static final int CLIENT_RATE_LIMIT = -300;

    public static final int REQUEST_SIZE = -250;

    public static final int FORGED_IDENTITY_HEADERS = -200;

    /**
     * Spring Security's chain: request firewall, bearer-token validation and the access rules. Its order is fixed by
     * Spring Security ({@code WebFluxSecurityConfiguration.WEB_FILTER_CHAIN_FILTER_ORDER}), not chosen here.
     */
    public static final int SECURITY_CHAIN = -100;

    /** After the security chain, which tells who the caller is. */
    public static final int USER_RATE_LIMIT = SECURITY_CHAIN + 50;

    private EdgeFilters() {}
}
