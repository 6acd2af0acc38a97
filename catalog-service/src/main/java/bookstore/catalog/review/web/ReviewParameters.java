package bookstore.catalog.review.web;

import bookstore.catalog.review.application.ReviewSort;
import bookstore.platform.paging.PageWindow;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/** The query string of {@code GET /api/books/{id}/reviews}. */
record ReviewParameters(
        @Pattern(regexp = ReviewSort.PATTERN, message = "must be one of " + ReviewSort.PATTERN)
        String sort,

        @PositiveOrZero @Max(value = PageWindow.MAX_PAGE, message = PageWindow.BEYOND)
        Integer page,

        @Min(1) @Max(MAX_SIZE) Integer size) {

    static final int DEFAULT_SIZE = 10;
    static final int MAX_SIZE = 100;

    @AssertTrue(message = PageWindow.BEYOND)
    boolean isPage() {
        return !PageWindow.isBeyond(page, sizeOrDefault());
    }

    ReviewSort order() {
        return ReviewSort.of(sort);
    }

    int pageOrFirst() {
        return page == null ? 0 : page;
    }

    int sizeOrDefault() {
        return size == null || size < 1 || size > MAX_SIZE ? DEFAULT_SIZE : size;
    }
}
