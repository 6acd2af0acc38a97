package bookstore.catalog.book.web;

import java.util.List;

/** A page of a list, as every list in the shop's API is: {@code {items, page, size, total}}. */
record PageResource<T>(List<T> items, int page, int size, long total) {}
