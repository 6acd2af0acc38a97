package bookstore.catalog.search.application;

import java.util.Arrays;
import java.util.Locale;

/** How a result list is ordered. */
public enum SortOrder {
    /** BM25 relevance to the query; newest first when there is no query. */
    RELEVANCE,
    PRICE_ASC,
    PRICE_DESC,
    NEWEST,
    /** Units sold, as the catalogue has counted them. */
    BESTSELLING,
    /** Readers' average rating as shown (to one decimal), then how many rated it; unrated books last. */
    RATING;

    public static final String PATTERN = "relevance|price_asc|price_desc|newest|bestselling|rating";

    public static SortOrder of(String text) {
        return text == null || text.isBlank()
                ? RELEVANCE
                : Arrays.stream(values())
                        .filter(order -> order.name().equals(text.toUpperCase(Locale.ROOT)))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("unknown sort " + text));
    }
}
