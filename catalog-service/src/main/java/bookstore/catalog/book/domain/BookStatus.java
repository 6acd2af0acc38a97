package bookstore.catalog.book.domain;

/** Whether a book can still be sold. */
public enum BookStatus {
    ACTIVE,
    /** Out of the catalogue for good: no longer found by search and no longer orderable. */
    DISCONTINUED
}
