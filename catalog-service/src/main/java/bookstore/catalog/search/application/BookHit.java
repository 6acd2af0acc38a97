package bookstore.catalog.search.application;

import bookstore.catalog.book.domain.Rating;
import java.util.List;

/** A book in a result list: what a shopper needs to pick it, not the full record; its rating as on the book. */
public record BookHit(
        String id,
        String isbn,
        String title,
        String subtitle,
        List<String> authors,
        String publisher,
        String publicationDate,
        String language,
        List<String> categories,
        Price price,
        String coverImage,
        Availability availability,
        Rating.Summary rating) {

    public record Price(long amount, String currency) {}

    public record Availability(boolean inStock, int available) {}
}
