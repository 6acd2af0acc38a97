package bookstore.catalog.book.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A book in the catalogue: the aggregate every catalogue change goes through. Each change is checked
 * against the book's status and recorded as a {@link BookChange}, which the application turns into
 * integration events stored with the book in the same write.
 *
 * <p>{@link #version()} is the version the book was loaded at; storing it succeeds only if nobody
 * stored another version in between (optimistic concurrency), and yields the next version.
 */
public final class Book {

    public static final long MAX_PRICE_MINOR_UNITS = 100_000_000L; // 1,000,000 in the major unit
    public static final int MAX_INITIAL_STOCK = 1_000_000;

    private final BookId id;
    private final long version;
    private final Instant createdAt;
    private final Availability availability;
    private final Sales sales;
    private final Rating rating;
    private final List<BookChange> changes = new ArrayList<>();
    private Isbn isbn;
    private BookDetails details;
    private Money price;
    private BookStatus status;
    private Instant updatedAt;

    private Book(
            BookId id,
            long version,
            Isbn isbn,
            BookDetails details,
            Money price,
            BookStatus status,
            Availability availability,
            Sales sales,
            Rating rating,
            Instant createdAt,
            Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.version = version;
        this.isbn = Objects.requireNonNull(isbn, "isbn");
        this.details = Objects.requireNonNull(details, "details");
        this.price = checkedPrice(price);
        this.status = Objects.requireNonNull(status, "status");
        this.availability = Objects.requireNonNull(availability, "availability");
        this.sales = Objects.requireNonNull(sales, "sales");
        this.rating = Objects.requireNonNull(rating, "rating");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new book, not yet stored, with the stock it arrives with. */
    public static Book add(BookId id, Isbn isbn, BookDetails details, Money price, int initialStock, Instant now) {
        if (initialStock < 0 || initialStock > MAX_INITIAL_STOCK) {
            throw new InvalidBookException("initialStock", "initial stock must be between 0 and " + MAX_INITIAL_STOCK);
        }
        Book book = new Book(
                id,
                0,
                isbn,
                details,
                price,
                BookStatus.ACTIVE,
                Availability.initial(initialStock),
                Sales.NONE,
                Rating.NONE,
                now,
                now);
        book.changes.add(new BookChange.Added(now, initialStock));
        return book;
    }

    /** A stored book as it was read, before anyone rated it; no changes recorded. */
    public static Book restore(
            BookId id,
            long version,
            Isbn isbn,
            BookDetails details,
            Money price,
            BookStatus status,
            Availability availability,
            Sales sales,
            Instant createdAt,
            Instant updatedAt) {
        return restore(
                id, version, isbn, details, price, status, availability, sales, Rating.NONE, createdAt, updatedAt);
    }

    /** A stored book as it was read, with its readers' rating; no changes recorded. */
    public static Book restore(
            BookId id,
            long version,
            Isbn isbn,
            BookDetails details,
            Money price,
            BookStatus status,
            Availability availability,
            Sales sales,
            Rating rating,
            Instant createdAt,
            Instant updatedAt) {
        return new Book(id, version, isbn, details, price, status, availability, sales, rating, createdAt, updatedAt);
    }

    /**
     * This book as stored, but with other figures of stock and sales: for read models that learn a
     * newer figure before the catalogue has stored it. No change is recorded.
     */
    public Book withFigures(Availability newerAvailability, Sales newerSales) {
        return withFigures(newerAvailability, newerSales, rating);
    }

    /** This book as stored, but with other figures of stock, sales and rating, for read models. */
    public Book withFigures(Availability newerAvailability, Sales newerSales, Rating newerRating) {
        return restore(
                id,
                version,
                isbn,
                details,
                price,
                status,
                newerAvailability,
                newerSales,
                newerRating,
                createdAt,
                updatedAt);
    }

    /** Replaces what the book is; records a change only if something actually differs. */
    public void revise(Isbn newIsbn, BookDetails newDetails, Instant now) {
        requireActive();
        Objects.requireNonNull(newIsbn, "isbn");
        Objects.requireNonNull(newDetails, "details");
        if (newIsbn.equals(isbn) && newDetails.equals(details)) {
            return;
        }
        isbn = newIsbn;
        details = newDetails;
        touch(new BookChange.Revised(now));
    }

    public void reprice(Money newPrice, Instant now) {
        requireActive();
        checkedPrice(newPrice);
        if (newPrice.equals(price)) {
            return;
        }
        Money previous = price;
        price = newPrice;
        touch(new BookChange.Repriced(now, previous, newPrice));
    }

    public void discontinue(Instant now) {
        requireActive();
        status = BookStatus.DISCONTINUED;
        touch(new BookChange.Discontinued(now));
    }

    private void touch(BookChange change) {
        updatedAt = change.occurredAt();
        changes.add(change);
    }

    private void requireActive() {
        if (status == BookStatus.DISCONTINUED) {
            throw new BookDiscontinuedException(id);
        }
    }

    private static Money checkedPrice(Money price) {
        Objects.requireNonNull(price, "price");
        if (price.amount() == 0) {
            throw new InvalidBookException("price.amount", "a book's price must be above zero");
        }
        if (price.amount() > MAX_PRICE_MINOR_UNITS) {
            throw new InvalidBookException(
                    "price.amount", "a book's price cannot exceed " + MAX_PRICE_MINOR_UNITS + " minor units");
        }
        return price;
    }

    /** The changes made since the book was added or restored, oldest first. */
    public List<BookChange> changes() {
        return List.copyOf(changes);
    }

    public boolean isActive() {
        return status == BookStatus.ACTIVE;
    }

    public BookId id() {
        return id;
    }

    public long version() {
        return version;
    }

    public Isbn isbn() {
        return isbn;
    }

    public BookDetails details() {
        return details;
    }

    public Money price() {
        return price;
    }

    public BookStatus status() {
        return status;
    }

    public Availability availability() {
        return availability;
    }

    /** Copies sold less copies returned, as last counted. */
    public long unitsSold() {
        return sales.units();
    }

    public Sales sales() {
        return sales;
    }

    /** Readers' rating, as the catalogue last tallied the visible reviews. */
    public Rating rating() {
        return rating;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
