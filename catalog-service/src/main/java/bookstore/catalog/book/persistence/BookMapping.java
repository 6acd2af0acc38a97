package bookstore.catalog.book.persistence;

import bookstore.catalog.book.domain.Availability;
import bookstore.catalog.book.domain.Book;
import bookstore.catalog.book.domain.BookDetails;
import bookstore.catalog.book.domain.BookFormat;
import bookstore.catalog.book.domain.BookId;
import bookstore.catalog.book.domain.BookStatus;
import bookstore.catalog.book.domain.Isbn;
import bookstore.catalog.book.domain.Money;
import bookstore.catalog.book.domain.PublicationDate;
import bookstore.catalog.book.domain.Rating;
import bookstore.catalog.book.domain.Sales;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Between the aggregate and its document. */
final class BookMapping {

    private BookMapping() {}

    static BookDocument toDocument(Book book, long version, List<BookDocument.PendingEvent> pendingEvents) {
        BookDetails details = book.details();
        return new BookDocument(
                book.id().toString(),
                version,
                book.isbn().value(),
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
                details.format() == null ? null : details.format().name(),
                details.edition(),
                details.description(),
                details.coverImage() == null ? null : details.coverImage().toString(),
                new BookDocument.Price(book.price().amount(), book.price().currency()),
                book.status().name(),
                new BookDocument.Stock(
                        book.availability().available(), book.availability().version()),
                book.sales().units(),
                book.sales().revision(),
                null,
                book.createdAt(),
                book.updatedAt(),
                pendingEvents);
    }

    static Book toBook(BookDocument document) {
        BookDetails details = new BookDetails(
                document.title(),
                document.subtitle(),
                document.authors(),
                document.translators(),
                document.publisher(),
                document.publicationDate() == null ? null : PublicationDate.parse(document.publicationDate()),
                document.language(),
                document.categories(),
                document.pageCount(),
                document.format() == null ? null : BookFormat.valueOf(document.format()),
                document.edition(),
                document.description(),
                document.coverImage() == null ? null : URI.create(document.coverImage()));
        BookDocument.Stock stock = document.stock() == null ? new BookDocument.Stock(0, 0) : document.stock();
        return Book.restore(
                new BookId(UUID.fromString(document.id())),
                document.version(),
                new Isbn(document.isbn()),
                details,
                new Money(document.price().amount(), document.price().currency()),
                BookStatus.valueOf(document.status()),
                new Availability(stock.available(), stock.version()),
                new Sales(document.unitsSold(), document.salesRevision() == null ? 0 : document.salesRevision()),
                rating(document.rating()),
                document.createdAt(),
                document.updatedAt());
    }

    static Rating rating(BookDocument.Rated rated) {
        return rated == null ? Rating.NONE : new Rating(rated.count(), rated.sum(), rated.revision());
    }
}
