package bookstore.catalog.book.application;

import bookstore.catalog.book.domain.Book;
import java.util.List;

/** One page of the catalogue as an admin lists it, and how many books match in all. */
public record CataloguePage(List<Book> items, int page, int size, long total) {}
