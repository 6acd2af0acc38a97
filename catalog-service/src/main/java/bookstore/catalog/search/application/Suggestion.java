package bookstore.catalog.search.application;

import java.util.List;

/** A completion for a search box: a title that starts with, or has a word starting with, what was typed. */
public record Suggestion(String text, String bookId, List<String> authors) {}
