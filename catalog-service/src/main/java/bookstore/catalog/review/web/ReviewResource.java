package bookstore.catalog.review.web;

import bookstore.catalog.review.application.Reader;
import bookstore.catalog.review.domain.Review;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Optional;

/**
 * A review as the API shows it. The author is never identified: {@code author.name} is null (the catalogue learns no
 * names, see catalog-service/README.md) and the storefront shows its own neutral label ("Verified buyer" / "已购读者"); {@code mine}
 * tells the caller which review is theirs. {@code hidden} appears only to admins and the author, on a hidden review.
 * The text is exactly what the author sent, to be shown as text.
 */
record ReviewResource(
        String id,
        String bookId,
        int rating,
        String text,
        Author author,
        Instant createdAt,
        Instant updatedAt,
        boolean edited,
        long helpfulCount,
        boolean mine,
        boolean votedHelpful,
        @JsonInclude(JsonInclude.Include.NON_NULL) Hidden hidden) {

    /**
     * Only verified buyers write reviews, so every author is one.
     *
     * @param accountClosed whether the author closed their account since: the review keeps its stars and has no text
     */
    record Author(String name, boolean verifiedBuyer, boolean accountClosed) {

        static final Author VERIFIED_BUYER = new Author(null, true, false);
        static final Author CLOSED_ACCOUNT = new Author(null, true, true);
    }

    record Hidden(String reason, Instant hiddenAt) {}

    static ReviewResource of(Review review, Optional<Reader> reader, boolean votedHelpful) {
        boolean mine = reader.map(someone -> review.isBy(someone.customer())).orElse(false);
        boolean moderator = reader.map(Reader::admin).orElse(false);
        return new ReviewResource(
                review.id().toString(),
                review.bookId().toString(),
                review.rating().value(),
                review.text().orElse(null),
                review.authorClosed() ? Author.CLOSED_ACCOUNT : Author.VERIFIED_BUYER,
                review.createdAt(),
                review.updatedAt(),
                review.edited(),
                review.helpful(),
                mine,
                votedHelpful,
                review.moderation()
                        .filter(hidden -> mine || moderator)
                        .map(hidden -> new Hidden(hidden.reason(), hidden.hiddenAt()))
                        .orElse(null));
    }

    static ReviewResource of(Review review, Reader reader) {
        return of(review, Optional.of(reader), false);
    }
}
