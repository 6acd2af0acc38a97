package bookstore.catalog.review.domain;

import bookstore.catalog.book.domain.BookId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A verified buyer's review of a book: their stars and, if they wrote any, their text. One per reader and book; the
 * reader is known only by the pseudonym that order events carry (the catalogue never learns account ids). Immutable:
 * each change returns the review as it becomes.
 *
 * @param author the reader's customer pseudonym; once they closed their account, a {@link #closedAuthor()}
 * @param text empty if the reader only gave stars
 * @param edited whether the reader changed it after writing it
 * @param helpful how many readers found it helpful
 * @param moderation present while an admin keeps it hidden
 */
public record Review(
        ReviewId id,
        BookId bookId,
        String author,
        Stars rating,
        Optional<String> text,
        Instant createdAt,
        Instant updatedAt,
        boolean edited,
        long helpful,
        Optional<Moderation> moderation) {

    private static final String CLOSED_AUTHOR = "closed:";

    public Review {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bookId, "bookId");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(moderation, "moderation");
    }

    /** A new review, not yet stored. */
    public static Review write(BookId bookId, String author, Stars rating, String text, Instant now) {
        return new Review(
                ReviewId.generate(), bookId, author, rating, ReviewText.of(text), now, now, false, 0, Optional.empty());
    }

    /** The author's new stars and text; marked edited. */
    public Review edit(Stars newRating, String newText, Instant now) {
        return new Review(
                id, bookId, author, newRating, ReviewText.of(newText), createdAt, now, true, helpful, moderation);
    }

    public Review hide(String reason, Instant now) {
        return new Review(
                id,
                bookId,
                author,
                rating,
                text,
                createdAt,
                updatedAt,
                edited,
                helpful,
                Optional.of(new Moderation(reason, now)));
    }

    public Review unhide() {
        return new Review(id, bookId, author, rating, text, createdAt, updatedAt, edited, helpful, Optional.empty());
    }

    public boolean isHidden() {
        return moderation.isPresent();
    }

    public boolean isBy(String customer) {
        return author.equals(customer);
    }

    /**
     * Whether the author closed their account: the review keeps its stars (they stay in the book's tally) and its
     * helpful votes, and lost its text and every link to the person.
     */
    public boolean authorClosed() {
        return author.startsWith(CLOSED_AUTHOR);
    }

    /**
     * What a closed account's reviews name as their author instead of the pseudonym: a random value per person,
     * which keeps a person's reviews one per book and links them to nobody. Never a pseudonym (those are hex digits).
     */
    public static String closedAuthor() {
        return CLOSED_AUTHOR + UUID.randomUUID();
    }
}
