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
