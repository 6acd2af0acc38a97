package bookstore.catalog.book.domain;

/** The physical or digital form a book is sold in. */
public enum BookFormat {
    PAPERBACK,
    HARDCOVER,
    BOXED_SET,
    EBOOK,
    AUDIOBOOK
}
