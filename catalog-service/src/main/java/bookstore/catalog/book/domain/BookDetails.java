package bookstore.catalog.book.domain;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a book is, as the catalogue describes it: everything but its identity, price, status and
 * stock. Limits are generous for real books and small enough that one request cannot bloat the
 * catalogue or the search index.
 */
public record BookDetails(
        String title,
        String subtitle,
        List<String> authors,
        List<String> translators,
        String publisher,
        PublicationDate publicationDate,
        String language,
        List<String> categories,
        Integer pageCount,
        BookFormat format,
        String edition,
        String description,
        URI coverImage) {

    public static final int MAX_TITLE = 300;
    public static final int MAX_NAME = 200;
    public static final int MAX_PEOPLE = 20;
    public static final int MAX_CATEGORIES = 10;
    public static final int MAX_CATEGORY = 100;
    public static final int MAX_EDITION = 100;
    public static final int MAX_DESCRIPTION = 10_000;
    public static final int MAX_PAGES = 100_000;
    public static final int MAX_URL = 2_000;
    public static final String LANGUAGE_TAG = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*";

    private static final Pattern LANGUAGE = Pattern.compile(LANGUAGE_TAG);

    public BookDetails {
        title = required("title", title, MAX_TITLE);
        subtitle = optional("subtitle", subtitle, MAX_TITLE);
        authors = names("authors", authors, true);
        translators = names("translators", translators, false);
        publisher = optional("publisher", publisher, MAX_NAME);
        language = required("language", language, 20);
        if (!LANGUAGE.matcher(language).matches()) {
            throw new InvalidBookException("language", "language is a BCP 47 tag such as zh, en or zh-Hant");
        }
        categories = list("categories", categories, MAX_CATEGORIES, MAX_CATEGORY, false);
        if (pageCount != null && (pageCount < 1 || pageCount > MAX_PAGES)) {
            throw new InvalidBookException("pageCount", "page count must be between 1 and " + MAX_PAGES);
        }
        edition = optional("edition", edition, MAX_EDITION);
        description = optional("description", description, MAX_DESCRIPTION);
        if (coverImage != null && !isWebAddress(coverImage)) {
            throw new InvalidBookException("coverImage", "the cover image must be an http(s) address");
        }
    }

    private static boolean isWebAddress(URI uri) {
        return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                && uri.getHost() != null
                && uri.toString().length() <= MAX_URL;
    }

    private static String required(String field, String value, int max) {
        String text = optional(field, value, max);
        if (text == null) {
            throw new InvalidBookException(field, field + " is required");
        }
        return text;
    }

    private static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            throw new InvalidBookException(field, field + " is longer than " + max + " characters");
        }
        return text;
    }

    private static List<String> names(String field, List<String> names, boolean required) {
        return list(field, names, MAX_PEOPLE, MAX_NAME, required);
    }

    private static List<String> list(String field, List<String> values, int maxItems, int maxLength, boolean required) {
        List<String> cleaned = values == null
                ? List.of()
                : values.stream()
                        .map(value -> optional(field, value, maxLength))
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList();
        if (required && cleaned.isEmpty()) {
            throw new InvalidBookException(field, "at least one of " + field + " is required");
        }
        if (cleaned.size() > maxItems) {
            throw new InvalidBookException(field, "at most " + maxItems + " " + field);
        }
        return cleaned;
    }
}
