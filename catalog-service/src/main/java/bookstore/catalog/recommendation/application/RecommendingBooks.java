package bookstore.catalog.recommendation.application;

import bookstore.catalog.book.application.FindingBooks;
import bookstore.catalog.book.domain.Book;
import bookstore.catalog.book.domain.BookId;
import bookstore.catalog.search.application.BookHit;
import bookstore.catalog.search.application.SearchIndex;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Recommends books to shoppers: analytics' records (kept by {@link StoringRecommendations}) for what customers bought
 * together and what a customer may like, this replica's search index for books alike in content and for the
 * summaries shown, so only books on sale and in stock are recommended, as the index knows them now. A customer is
 * known by their pseudonym only, and only their own record is ever read.
 */
@Service
public class RecommendingBooks {

    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 20;

    private final FindingBooks finding;
    private final RecommendationStore store;
    private final SearchIndex index;

    RecommendingBooks(FindingBooks finding, RecommendationStore store, SearchIndex index) {
        this.finding = finding;
        this.store = store;
        this.index = index;
    }

    /**
     * Up to {@code limit} books bought together with this one and up to {@code limit} books like it, for an anonymous
     * shopper or a signed-in customer (by pseudonym), whose purchases are left out. Fails with the catalogue's book
     * not found for a book it never had.
     */
    public Mono<BookRecommendations> forBook(BookId id, Optional<String> customer, int limit) {
        String bookSubject = Recommendations.ofBook(id.toString());
        Optional<String> customerSubject = customer.map(Recommendations::ofCustomer);
        List<String> subjects =
                customerSubject.map(own -> List.of(bookSubject, own)).orElse(List.of(bookSubject));
        return finding.byId(id).zipWith(store.find(subjects)).map(found -> {
            Book book = found.getT1();
            Map<String, Recommendations> records = found.getT2();
            Set<String> leaveOut = new HashSet<>(customerSubject
                    .map(records::get)
                    .map(Recommendations::purchased)
                    .orElse(List.of()));
            leaveOut.add(id.toString());
            List<BookHit> boughtTogether = inStock(records.get(bookSubject), leaveOut, limit);
            boughtTogether.forEach(shown -> leaveOut.add(shown.id()));
            return new BookRecommendations(id.toString(), boughtTogether, index.similar(book, leaveOut, limit));
        });
    }

    /**
     * Up to {@code limit} books for a customer (by pseudonym): analytics' personal picks in stock they have not
     * bought, or, when there are none, the shop's bestsellers in stock they have not bought, so a customer is never
     * left without picks while the shop has books in stock.
     */
    public Mono<Picks> forCustomer(String customer, int limit) {
        String subject = Recommendations.ofCustomer(customer);
        return store.find(List.of(subject)).map(records -> {
            Recommendations own = records.get(subject);
            Set<String> purchased = own == null ? Set.of() : Set.copyOf(own.purchased());
            List<BookHit> personal = inStock(own, purchased, limit);
            return personal.isEmpty()
                    ? new Picks(index.bestsellers(purchased, limit), Picks.BasedOn.BESTSELLERS)
                    : new Picks(personal, Picks.BasedOn.PURCHASES);
        });
    }

    /** The record's books on sale and in stock, best first, without those left out. */
    private List<BookHit> inStock(Recommendations record, Set<String> leaveOut, int limit) {
        if (record == null) {
            return List.of();
        }
        List<String> candidates =
                record.bookIds().stream().filter(id -> !leaveOut.contains(id)).toList();
        return index.summaries(candidates).stream()
                .filter(hit -> hit.availability().inStock())
                .limit(limit)
                .toList();
    }
}
