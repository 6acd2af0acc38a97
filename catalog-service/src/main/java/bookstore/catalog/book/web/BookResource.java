package bookstore.catalog.book.web;

import bookstore.catalog.book.domain.Book;
import bookstore.catalog.book.domain.BookDetails;
import bookstore.catalog.book.domain.BookFormat;
import bookstore.catalog.book.domain.BookStatus;
import bookstore.catalog.book.domain.Rating;
import java.time.Instant;
import java.util.List;

/**
 * A book as the API shows it, with its availability (a copy of inventory's figure) and its readers' rating (the
 * average of the visible reviews to one decimal, null before the first, and their count).
 */
record BookResource(
        String id,
        String isbn,
        String isbn10,
        String title,
        String subtitle,
        List<String> authors,
        List<String> translators,
        String publisher,
        String publicationDate,
        String language,
        List<String> categories,
        Integer pageCount,
        BookFormat format,
        String edition,
        String description,
        String coverImage,
        Price price,
        BookStatus status,
        Availability availability,
        Rating.Summary rating,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    record Price(long amount, String currency) {}

    record Availability(boolean inStock, int available) {}

    static BookResource of(Book book) {
        BookDetails details = book.details();
        return new BookResource(
                book.id().toString(),
                book.isbn().value(),
                book.isbn().isbn10().orElse(null),
                details.title(),
                details.subtitle(),
                details.authors(),
                details.translators(),
                details.publisher(),
                details.publicationDate() == null
                        ? null
                        : details.publicationDate().toString(),
                details.language(),
                details.categories(),
                details.pageCount(),
                details.format(),
                details.edition(),
                details.description(),
                details.coverImage() == null ? null : details.coverImage().toString(),
                new Price(book.price().amount(), book.price().currency()),
                book.status(),
                new Availability(
                        book.availability().inStock(), book.availability().available()),
                book.rating().summary(),
                book.version(),
                book.createdAt(),
                book.updatedAt());
    }
}
