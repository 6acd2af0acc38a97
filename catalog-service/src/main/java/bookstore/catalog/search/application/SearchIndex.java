package bookstore.catalog.search.application;

import bookstore.catalog.book.domain.Book;
import java.util.List;
import java.util.Set;

/** The read side of the search index. */
public interface SearchIndex {

    SearchPage search(SearchCriteria criteria);

    List<Suggestion> suggest(String prefix, int limit);

    /**
     * The summaries of the books with these ids that are on sale (discontinued books are not in the index), in the
     * order asked for, in stock or not.
     */
    List<BookHit> summaries(List<String> ids);

    /**
     * Up to {@code limit} books in stock most like this one by their text, authors and categories, most alike first;
     * never the book itself nor a book left out.
     */
    List<BookHit> similar(Book book, Set<String> leaveOut, int limit);

    /** Up to {@code limit} books in stock, most copies sold first (the catalogue's own count); none left out. */
    List<BookHit> bestsellers(Set<String> leaveOut, int limit);
}
