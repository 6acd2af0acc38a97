package bookstore.catalog.seed;

import bookstore.catalog.book.application.AddingBooks;
import bookstore.catalog.book.application.Books;
import bookstore.catalog.book.application.DuplicateIsbnException;
import bookstore.catalog.book.application.WrittenBook;
import bookstore.catalog.book.domain.BookFormat;
import bookstore.catalog.book.domain.Money;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills an empty catalogue with the sample shelves of {@code seed/books.json} (real books, real
 * ISBNs), for local runs and demos. Books are added as an admin would add them, so each one's
 * BookAdded event (with its initial stock) reaches inventory. A catalogue that has any book is left
 * alone; two replicas seeding at once are kept apart by the unique ISBN.
 */
@Component
@ConditionalOnProperty(name = "bookstore.catalog.seed", havingValue = "true")
class SampleShelves implements ApplicationRunner {

    static final String FILE = "seed/books.json";
    private static final int SEEDING_CONCURRENCY = 4;

    private static final Logger log = LoggerFactory.getLogger(SampleShelves.class);

    private final Books books;
    private final AddingBooks adding;

    SampleShelves(Books books, AddingBooks adding) {
        this.books = books;
        this.adding = adding;
    }

    @Override
    public void run(ApplicationArguments args) {
        long added = books.count()
                .flatMap(count -> count > 0 ? Mono.just(0L) : seed(read()))
                .block(Duration.ofMinutes(5));
        if (added > 0) {
            log.info("Seeded the empty catalogue with {} sample books", added);
        }
    }

    private Mono<Long> seed(List<SeedBook> shelves) {
        // A few at a time: the books are independent, and concurrent index refreshes coalesce.
        return Flux.fromIterable(shelves)
                .flatMap(
                        book -> adding.add(book.toDraft(), book.initialStock())
                                .onErrorResume(DuplicateIsbnException.class, e -> Mono.empty()),
                        SEEDING_CONCURRENCY)
                .count();
    }

    static List<SeedBook> read() {
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            return JsonMapper.builder().build().readValue(in, new TypeReference<List<SeedBook>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + FILE, e);
        }
    }

    /** One book of the sample shelves, as the data file states it; prices are in fen. */
    record SeedBook(
            String isbn,
            String title,
            String subtitle,
            List<String> authors,
            List<String> translators,
            String publisher,
            String publicationDate,
            String language,
            List<String> categories,
            Integer pageCount,
            BookFormat format,
            String edition,
            String description,
            String coverImage,
            long price,
            int initialStock)
            implements WrittenBook {

        @Override
        public Money listPrice() {
            return Money.cny(price);
        }
    }
}
