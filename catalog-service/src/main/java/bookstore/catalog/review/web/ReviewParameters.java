package bookstore.catalog.review.web;

import bookstore.catalog.review.application.ReviewSort;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/** The query string of {@code GET /api/books/{id}/reviews}. */
record ReviewParameters(
        @Pattern(regexp = ReviewSort.PATTERN, message = "must be one of " + ReviewSort.PATTERN)
        String sort,

        @PositiveOrZero @Max(MAX_PAGE) Integer page,
        @Min(1) @Max(MAX_SIZE) Integer size) {

    static final int DEFAULT_SIZE = 10;
    static final int MAX_SIZE = 100;
    static final int MAX_PAGE = 100_000;

    ReviewSort order() {
        return ReviewSort.of(sort);
    }

    int pageOrFirst() {
        return page == null ? 0 : page;
    }

    int sizeOrDefault() {
        return size == null ? DEFAULT_SIZE : size;
    }
}
