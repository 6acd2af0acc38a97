package bookstore.catalog.search.web;

import bookstore.catalog.book.domain.BookDetails;
import bookstore.catalog.search.application.SearchCriteria;
import bookstore.catalog.search.application.SortOrder;
import bookstore.platform.paging.PageWindow;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** The query string of {@code GET /api/books}, checked before it reaches the index. */
record SearchParameters(
        @Size(max = SearchCriteria.MAX_QUERY) String q,
        @Size(max = BookDetails.MAX_NAME) String author,
        @Size(max = BookDetails.MAX_CATEGORY) String category,
        @Size(max = BookDetails.MAX_NAME) String publisher,

        @Pattern(regexp = BookDetails.LANGUAGE_TAG, message = "must be a language tag such as zh or en")
        String language,

        @PositiveOrZero Long minPrice,
        @PositiveOrZero Long maxPrice,
        Boolean inStock,

        @DecimalMin("1") @DecimalMax("5") @Digits(integer = 1, fraction = 1)
        BigDecimal minRating,

        @Pattern(regexp = SortOrder.PATTERN, message = "must be one of " + SortOrder.PATTERN)
        String sort,

        @PositiveOrZero @Max(value = PageWindow.MAX_PAGE, message = PageWindow.BEYOND)
        Integer page,

        @Min(1) @Max(SearchCriteria.MAX_SIZE) Integer size) {

    static final int DEFAULT_SIZE = 20;

    @AssertTrue(message = "minPrice must not be above maxPrice")
    boolean isPriceRange() {
        return minPrice == null || maxPrice == null || minPrice <= maxPrice;
    }

    @AssertTrue(message = PageWindow.BEYOND)
    boolean isPage() {
        return !PageWindow.isBeyond(page, sizeOrDefault());
    }

    SearchCriteria toCriteria() {
        return new SearchCriteria(
                q == null ? null : q.strip(),
                author,
                category,
                publisher,
                language,
                minPrice,
                maxPrice,
                inStock,
                minRating,
                SortOrder.of(sort),
                page == null ? 0 : page,
                sizeOrDefault());
    }

    private int sizeOrDefault() {
        return size == null || size < 1 || size > SearchCriteria.MAX_SIZE ? DEFAULT_SIZE : size;
    }
}
