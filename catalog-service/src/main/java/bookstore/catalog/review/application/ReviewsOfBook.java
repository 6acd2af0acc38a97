package bookstore.catalog.review.application;

import bookstore.catalog.book.application.FindingBooks;
import bookstore.catalog.book.domain.Book;
import bookstore.catalog.book.domain.BookId;
import bookstore.catalog.review.domain.Review;
import bookstore.catalog.review.domain.ReviewId;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Finds what a request names: the book (404 if the catalogue has none) and one of its reviews, which a hidden review
 * is only to admins and its author; to anyone else it does not exist.
 */
@Component
class ReviewsOfBook {

    private final FindingBooks books;
    private final Reviews reviews;

    ReviewsOfBook(FindingBooks books, Reviews reviews) {
        this.books = books;
        this.reviews = reviews;
    }

    Mono<Book> book(BookId bookId) {
        return books.byId(bookId);
    }

    Mono<Review> review(BookId bookId, ReviewId reviewId, Reader reader) {
        return book(bookId)
                .then(reviews.find(reviewId))
                .filter(review -> review.bookId().equals(bookId))
                .filter(review -> !review.isHidden() || reader.admin() || review.isBy(reader.customer()))
                .switchIfEmpty(Mono.error(ReviewNotFoundException::new));
    }
}
