package bookstore.catalog.book.application;

import bookstore.catalog.book.domain.BookDetails;
import bookstore.catalog.book.domain.BookFormat;
import bookstore.catalog.book.domain.InvalidBookException;
import bookstore.catalog.book.domain.Isbn;
import bookstore.catalog.book.domain.Money;
import bookstore.catalog.book.domain.PublicationDate;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * A book as people write it down, in an admin's request or in the sample shelves' data file: plain
 * text and numbers, read into a checked {@link BookDraft} here and nowhere else.
 */
public interface WrittenBook {

    String isbn();

    String title();

    String subtitle();

    List<String> authors();

    List<String> translators();

    String publisher();

    /** {@code yyyy}, {@code yyyy-MM} or {@code yyyy-MM-dd}, or null. */
    String publicationDate();

    String language();

    List<String> categories();

    Integer pageCount();

    BookFormat format();

    String edition();

    String description();

    /** An http(s) address, or null or blank for none. */
    String coverImage();

    /** The price the book is sold at, in whatever shape it was written. */
    Money listPrice();

    /** Reads the text into a draft; throws {@link InvalidBookException} for what the domain refuses. */
    default BookDraft toDraft() {
        return new BookDraft(
                Isbn.parse(isbn()),
                new BookDetails(
                        title(),
                        subtitle(),
                        authors(),
                        translators(),
                        publisher(),
                        publicationDate() == null ? null : PublicationDate.parse(publicationDate()),
                        language(),
                        categories(),
                        pageCount(),
                        format(),
                        edition(),
                        description(),
                        coverImageUri()),
                listPrice());
    }

    private URI coverImageUri() {
        if (coverImage() == null || coverImage().isBlank()) {
            return null;
        }
        try {
            return new URI(coverImage());
        } catch (URISyntaxException e) {
            throw new InvalidBookException("coverImage", "the cover image is not a valid address");
        }
    }
}
