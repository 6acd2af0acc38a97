package bookstore.catalog.book.web;

import bookstore.catalog.book.domain.Book;

/**
 * A book's version as an HTTP entity tag. Changing requests must name the version they edit in
 * {@code If-Match}; one that names none is refused (428) rather than allowed to overwrite blindly.
 */
final class Versions {

    private Versions() {}

    static String etag(Book book) {
        return "\"" + book.version() + "\"";
    }

    /** The version an {@code If-Match} header names; a tag that is no version of ours matches none (-1). */
    static long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        String tag = ifMatch.strip();
        if (tag.matches("\"\\d{1,18}\"")) {
            return Long.parseLong(tag.substring(1, tag.length() - 1));
        }
        return -1;
    }

    static class PreconditionRequiredException extends RuntimeException {
        PreconditionRequiredException() {
            super("If-Match is required");
        }
    }
}
