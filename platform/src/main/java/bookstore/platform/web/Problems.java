package bookstore.platform.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details with stable types. A problem's {@code type} and {@code title} are part of
 * the API: clients branch on them, so they never change for a given kind of failure. The detail
 * speaks to a person and never carries a stack trace or an internal class name.
 */
public final class Problems {

    private static final String TYPE_BASE = "https://bookstore.example/problems/";

    private Problems() {}

    /** A problem of a named kind, e.g. {@code of(CONFLICT, "stale-version", "Stale version", "…")}. */
    public static ProblemDetail of(HttpStatusCode status, String kind, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(kind));
        problem.setTitle(title);
        return problem;
    }

    /** 400: the body's fields or the parameters break their rules; the advice lists them as {@code errors}. */
    public static ProblemDetail invalid(String detail) {
        return of(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail);
    }

    /** 400: the request cannot be read at all (not JSON, an unknown field, a parameter of the wrong type). */
    public static ProblemDetail malformed(String detail) {
        return of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail);
    }

    /** 401: no access token where one is needed. */
    public static ProblemDetail unauthenticated() {
        return of(
                HttpStatus.UNAUTHORIZED,
                "unauthenticated",
                "Authentication required",
                "This request needs a bearer access token.");
    }

    /** 401: an access token that does not verify; the detail never says which check failed. */
    public static ProblemDetail invalidToken() {
        return of(
                HttpStatus.UNAUTHORIZED,
                "invalid-token",
                "Invalid access token",
                "The access token is not valid: it may be expired, altered or issued for someone else.");
    }

    /** 403: a valid caller without the role. */
    public static ProblemDetail forbidden() {
        return of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You are not allowed to do this.");
    }

    /** A problem of the kind a plain status stands for, titled by its reason phrase, as Spring's own errors are. */
    public static ProblemDetail ofStatus(HttpStatus status, String detail) {
        return of(status, kindOf(status), status.getReasonPhrase(), detail);
    }

    public static URI type(String kind) {
        return URI.create(TYPE_BASE + kind);
    }

    /** The kind of problem a plain status stands for, when nothing more specific is known. */
    static String kindOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null
                ? "http-" + status.value()
                : known.name().toLowerCase().replace('_', '-');
    }
}
