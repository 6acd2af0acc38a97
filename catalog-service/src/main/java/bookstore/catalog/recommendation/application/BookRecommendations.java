package bookstore.catalog.recommendation.application;

import bookstore.catalog.search.application.BookHit;
import java.util.List;

/**
 * What a book's page recommends with it: the books customers bought with it (from analytics' order history) and the
 * books most like it by their text, authors and categories (from the search index, so a book without history has
 * some too). Only books on sale and in stock, never the book itself, none twice, and for a signed-in customer none
 * they bought.
 */
public record BookRecommendations(String bookId, List<BookHit> boughtTogether, List<BookHit> similar) {}
