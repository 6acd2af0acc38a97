package bookstore.catalog.book.web;

import bookstore.catalog.book.application.CatalogueQuery;
import bookstore.catalog.book.domain.BookStatus;
import bookstore.platform.paging.PageWindow;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The query string of {@code GET /api/books/catalogue}, checked before it reaches MongoDB. Bound as a model attribute,
 * so a value of the wrong form (a word for a number, an unknown status) is reported by name like any invalid one.
 */
record CatalogueParameters(
        @Size(max = CatalogueQuery.MAX_TEXT)
        // A NUL cannot even be sent to MongoDB in a pattern; no title or name holds any control character.
        @Pattern(regexp = "\\P{Cc}*", message = "must not contain control characters")
        String q,

        BookStatus status,

        @PositiveOrZero @Max(value = PageWindow.MAX_PAGE, message = PageWindow.BEYOND)
        Integer page,

        @Min(1) @Max(CatalogueQuery.MAX_SIZE) Integer size) {

    static final int DEFAULT_SIZE = 20;

    @AssertTrue(message = PageWindow.BEYOND)
    boolean isPage() {
        return !PageWindow.isBeyond(page, sizeOrDefault());
    }

    CatalogueQuery toQuery() {
        return new CatalogueQuery(q, status, page == null ? 0 : page, sizeOrDefault());
    }

    private int sizeOrDefault() {
        return size == null || size < 1 || size > CatalogueQuery.MAX_SIZE ? DEFAULT_SIZE : size;
    }
}
