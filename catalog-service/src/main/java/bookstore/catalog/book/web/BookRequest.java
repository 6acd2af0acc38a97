package bookstore.catalog.book.web;

import bookstore.catalog.book.application.WrittenBook;
import bookstore.catalog.book.domain.Book;
import bookstore.catalog.book.domain.BookDetails;
import bookstore.catalog.book.domain.BookFormat;
import bookstore.catalog.book.domain.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A book as an admin sends it to add or replace it. Only what an admin may set: the id, version,
 * status, stock and timestamps belong to the server, and a body naming them is refused as having
 * unknown fields. {@code initialStock} is accepted when adding a book only; afterwards inventory owns
 * the stock.
 */
record BookRequest(
        @NotBlank @Size(max = 20) String isbn,
        @NotBlank @Size(max = BookDetails.MAX_TITLE) String title,
        @Size(max = BookDetails.MAX_TITLE) String subtitle,
        @NotEmpty @Size(max = BookDetails.MAX_PEOPLE) List<@NotBlank @Size(max = BookDetails.MAX_NAME) String> authors,
        @Size(max = BookDetails.MAX_PEOPLE) List<@NotBlank @Size(max = BookDetails.MAX_NAME) String> translators,
        @Size(max = BookDetails.MAX_NAME) String publisher,

        @Pattern(regexp = "\\d{4}(-\\d{2}(-\\d{2})?)?", message = "must read yyyy, yyyy-MM or yyyy-MM-dd")
        String publicationDate,

        @NotBlank @Pattern(regexp = BookDetails.LANGUAGE_TAG, message = "must be a language tag such as zh or en")
        String language,

        @Size(max = BookDetails.MAX_CATEGORIES) List<@NotBlank @Size(max = BookDetails.MAX_CATEGORY) String> categories,
        @Min(1) @Max(BookDetails.MAX_PAGES) Integer pageCount,
        BookFormat format,
        @Size(max = BookDetails.MAX_EDITION) String edition,
        @Size(max = BookDetails.MAX_DESCRIPTION) String description,

        @Size(max = BookDetails.MAX_URL) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) address")
        String coverImage,

        @NotNull @Valid PriceRequest price,
        @Min(0) @Max(Book.MAX_INITIAL_STOCK) Integer initialStock)
        implements WrittenBook {

    record PriceRequest(
            @NotNull @Min(1) @Max(Book.MAX_PRICE_MINOR_UNITS)
            Long amount,

            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as CNY")
            String currency) {}

    /** The request's view of a stored book, the base a merge patch is applied to. */
    static BookRequest of(Book book) {
        BookDetails details = book.details();
        return new BookRequest(
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
                details.format(),
                details.edition(),
                details.description(),
                details.coverImage() == null ? null : details.coverImage().toString(),
                new PriceRequest(book.price().amount(), book.price().currency()),
                null);
    }

    @Override
    public Money listPrice() {
        return Money.of(price.amount(), price.currency());
    }

    int initialStockOrZero() {
        return initialStock == null ? 0 : initialStock;
    }
}
