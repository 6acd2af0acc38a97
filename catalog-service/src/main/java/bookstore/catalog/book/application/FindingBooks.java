package bookstore.catalog.book.application;

import bookstore.catalog.book.domain.Book;
import bookstore.catalog.book.domain.BookId;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

@Service
public class FindingBooks {

    private final Books books;

    FindingBooks(Books books) {
        this.books = books;
    }

    public Mono<Book> byId(BookId id) {
        return books.findById(id).switchIfEmpty(Mono.error(() -> new BookNotFoundException(id)));
    }

    /** The catalogue as admins see it: from the books themselves, not the search index, which leaves some out. */
    public Mono<CataloguePage> catalogue(CatalogueQuery query) {
        return books.list(query);
    }
}
