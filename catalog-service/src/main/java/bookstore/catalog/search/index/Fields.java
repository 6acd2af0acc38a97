package bookstore.catalog.search.index;

import java.util.List;

/** Names of the fields in a book's search document. */
final class Fields {

    static final String ID = "id";
    static final String ISBN = "isbn";

    static final String TITLE = "title";
    static final String SUBTITLE = "subtitle";
    static final String AUTHORS = "authors";
    static final String PUBLISHER = "publisher";
    static final String DESCRIPTION = "description";
    static final List<String> TEXT = List.of(TITLE, SUBTITLE, AUTHORS, PUBLISHER, DESCRIPTION);

    static final String EN = "_en";
    static final String ZH = "_zh";
    static final String CJK = "_cjk";

    static final String TITLE_PREFIXES = "title_prefixes";
    static final String TITLE_WORDS = "title_words";
    static final String AUTHOR_WORDS = "author_words";

    /** Exact values, lower-cased, for filters; the facets keep the values as written. */
    static final String AUTHOR_KEY = "author_key";

    static final String CATEGORY_KEY = "category_key";
    static final String PUBLISHER_KEY = "publisher_key";
    static final String LANGUAGE_KEY = "language_key";
    static final String IN_STOCK = "in_stock";

    static final String PRICE = "price";
    static final String PUBLISHED = "published";
    static final String SOLD = "sold";
    static final String RATING = "rating";
    static final String RATINGS = "ratings";

    static final String SUMMARY = "summary";

    /** Facet dimensions. */
    static final String FACET_CATEGORY = "category";

    static final String FACET_AUTHOR = "author";
    static final String FACET_PUBLISHER = "publisher";
    static final String FACET_LANGUAGE = "language";
    static final String FACET_IN_STOCK = "inStock";
    static final String FACET_PRICE = "price";

    private Fields() {}
}
