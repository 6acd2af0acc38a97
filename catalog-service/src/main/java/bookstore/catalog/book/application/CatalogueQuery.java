package bookstore.catalog.book.application;

import bookstore.catalog.book.domain.BookStatus;
import bookstore.catalog.book.domain.Isbn;
import bookstore.platform.paging.PageWindow;
import java.util.Optional;

/**
 * What an admin lists of the catalogue: every book, discontinued ones included, optionally narrowed by status and by
 * text, most recently updated first. Unlike search, it reads the books themselves, so a change shows at once.
 *
 * @param text found, ignoring case, within the title or an author's name, or within the ISBN (its digits, hyphens
 *     and spaces ignored); null for every book
 * @param status null for every status
 */
public record CatalogueQuery(String text, BookStatus status, int page, int size) {

    public static final int MAX_TEXT = 200;
    public static final int MAX_SIZE = 100;

    public CatalogueQuery {
        text = text == null || text.isBlank() ? null : text.strip();
        if (text != null && (text.length() > MAX_TEXT || text.chars().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException("text must be at most " + MAX_TEXT + " printable characters");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
        if (!PageWindow.allows(page, size)) {
            throw new IllegalArgumentException("page is beyond the first " + PageWindow.MAX_RESULT_WINDOW + " books");
        }
    }

    public Optional<String> optionalText() {
        return Optional.ofNullable(text);
    }

    /**
     * The digits an ISBN must contain for the text to match it, if the text reads as an ISBN or a part of one: a
     * whole ISBN-10 or ISBN-13 as its 13 digits (so both spellings of a book find it), otherwise the digits of a text
     * made of nothing but digits, hyphens and spaces.
     */
    public Optional<String> isbnDigits() {
        if (text == null) {
            return Optional.empty();
        }
        Optional<Isbn> whole = Isbn.tryParse(text);
        if (whole.isPresent()) {
            return whole.map(Isbn::value);
        }
        String digits = text.replaceAll("[\\s-]", "");
        return digits.matches("\\d+") ? Optional.of(digits) : Optional.empty();
    }

    public long offset() {
        return (long) page * size;
    }
}
