package bookstore.catalog.review.web;

import bookstore.catalog.book.domain.Rating;
import java.util.List;

/** A page of a book's reviews, as every list in the API is ({@code items, page, size, total}), with the book's rating. */
record ReviewListResource(List<ReviewResource> items, int page, int size, long total, Rating.Summary rating) {}
