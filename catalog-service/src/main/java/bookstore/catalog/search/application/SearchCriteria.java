package bookstore.catalog.search.application;

import bookstore.platform.paging.PageWindow;
import java.math.BigDecimal;

/**
 * What a customer searches for: free text plus filters, a sort and a page. Filters are exact (an
 * author, a category…) and combine with AND.
 *
 * @param minPrice lowest price in minor units, inclusive, or null
 * @param maxPrice highest price in minor units, inclusive, or null
 * @param inStock true for books in stock only, false for out-of-stock only, null for both
 * @param minRating lowest average rating as shown (one decimal), inclusive, or null; unrated books have none
 */
public record SearchCriteria(
        String q,
        String author,
        String category,
        String publisher,
        String language,
        Long minPrice,
        Long maxPrice,
        Boolean inStock,
        BigDecimal minRating,
        SortOrder sort,
        int page,
        int size) {

    public static final int MAX_QUERY = 200;
    public static final int MAX_SIZE = 100;

    public SearchCriteria {
        if (q != null && q.length() > MAX_QUERY) {
            throw new IllegalArgumentException("q is longer than " + MAX_QUERY + " characters");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
        if (!PageWindow.allows(page, size)) {
            throw new IllegalArgumentException("page is beyond the first " + PageWindow.MAX_RESULT_WINDOW + " results");
        }
        if (minRating != null
                && (minRating.compareTo(BigDecimal.ONE) < 0
                        || minRating.compareTo(BigDecimal.valueOf(5)) > 0
                        || minRating.stripTrailingZeros().scale() > 1)) {
            throw new IllegalArgumentException("minRating must be between 1 and 5, to one decimal");
        }
        sort = sort == null ? SortOrder.RELEVANCE : sort;
    }

    /** Without a minimum rating, as searches were before books had ratings. */
    public SearchCriteria(
            String q,
            String author,
            String category,
            String publisher,
            String language,
            Long minPrice,
            Long maxPrice,
            Boolean inStock,
            SortOrder sort,
            int page,
            int size) {
        this(q, author, category, publisher, language, minPrice, maxPrice, inStock, null, sort, page, size);
    }

    public static SearchCriteria text(String q) {
        return new SearchCriteria(q, null, null, null, null, null, null, null, SortOrder.RELEVANCE, 0, 20);
    }

    public boolean hasText() {
        return q != null && !q.isBlank();
    }
}
