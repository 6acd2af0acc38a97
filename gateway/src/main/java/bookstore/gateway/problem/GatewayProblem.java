package bookstore.gateway.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The problems the gateway itself reports; their {@code type} URIs are part of the API and do not change. */
public enum GatewayProblem {
    REQUEST_REJECTED(HttpStatus.BAD_REQUEST, "request-rejected", "Request Rejected"),
    // The same types and titles the services use for the same failures, so a client handles them alike wherever they
    // are caught.
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required"),
    INVALID_TOKEN(HttpStatus.UNAUTHORIZED, "invalid-token", "Invalid access token"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Forbidden"),
    CROSS_ORIGIN_REFUSED(HttpStatus.FORBIDDEN, "cross-origin-refused", "Cross-Origin Request Refused"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not Found"),
    CONTENT_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "content-too-large", "Content Too Large"),
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too Many Requests"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal Server Error"),
    BAD_GATEWAY(HttpStatus.BAD_GATEWAY, "bad-gateway", "Bad Gateway"),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service Unavailable"),
    GATEWAY_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout", "Gateway Timeout");

    private static final String TYPE_BASE = "https://bookstore.example/problems/";

    private final HttpStatus status;
    private final URI type;
    private final String title;

    GatewayProblem(HttpStatus status, String slug, String title) {
        this.status = status;
        this.type = URI.create(TYPE_BASE + slug);
        this.title = title;
    }

    public ProblemDetail withDetail(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }
}
