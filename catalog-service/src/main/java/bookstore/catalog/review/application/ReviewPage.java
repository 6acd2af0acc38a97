package bookstore.catalog.review.application;

import bookstore.catalog.review.domain.Review;
import java.util.List;

/** One page of a book's reviews and how many there are in all. */
public record ReviewPage(List<Review> items, int page, int size, long total) {}
