package bookstore.catalog.recommendation.application;

import bookstore.catalog.book.application.FindingBooks;
import bookstore.catalog.book.domain.Book;
import bookstore.catalog.book.domain.BookId;
import bookstore.catalog.search.application.BookHit;
import bookstore.catalog.search.application.SearchIndex;
import java.util.ArrayList;
import java.util.HashMap;
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

    /** The longest list analytics publishes. */
    private static final int LOOKUP = 50;

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
        return store.find(List.of(subject)).flatMap(records -> {
            Recommendations own = records.get(subject);
            Set<String> purchased = own == null ? Set.of() : Set.copyOf(own.purchased());
            List<BookHit> personal = inStock(own, purchased, limit);
            return personal.isEmpty()
                    ? bestsellers(purchased, limit).map(books -> new Picks(books, Picks.BasedOn.BESTSELLERS))
                    : Mono.just(new Picks(personal, Picks.BasedOn.PURCHASES));
        });
    }

    /**
     * The shop's bestsellers: analytics' category bestsellers (copies sold lately, imported history included, so
     * comparable across categories; a book in several categories counts once), most sold first, then, if they run
     * short, the catalogue's own ranking by copies sold on the shop.
     */
    private Mono<List<BookHit>> bestsellers(Set<String> leaveOut, int limit) {
        return store.findStartingWith(Recommendations.CATEGORY).map(categories -> {
            Map<String, Double> sold = new HashMap<>();
            categories.forEach(
                    category -> category.books().forEach(book -> sold.merge(book.bookId(), book.score(), Math::max)));
            List<String> ranked = sold.entrySet().stream()
                    .filter(book -> !leaveOut.contains(book.getKey()))
                    .sorted(Map.Entry.<String, Double>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey)
                    .toList();
            List<BookHit> picks = new ArrayList<>(inStock(ranked, limit));
            if (picks.size() < limit) {
                Set<String> shown = new HashSet<>(leaveOut);
                picks.forEach(pick -> shown.add(pick.id()));
                picks.addAll(index.bestsellers(shown, limit - picks.size()));
            }
            return picks;
        });
    }

    /** The record's books on sale and in stock, best first, without those left out. */
    private List<BookHit> inStock(Recommendations record, Set<String> leaveOut, int limit) {
        if (record == null) {
            return List.of();
        }
        return inStock(
                record.bookIds().stream().filter(id -> !leaveOut.contains(id)).toList(), limit);
    }

    /**
     * These books, on sale and in stock, in the order given; looked up a list's length at a time, since the first
     * usually fill the limit and every category's bestsellers together run to thousands.
     */
    private List<BookHit> inStock(List<String> candidates, int limit) {
        List<BookHit> found = new ArrayList<>();
        for (int from = 0; from < candidates.size() && found.size() < limit; from += LOOKUP) {
            index.summaries(candidates.subList(from, Math.min(candidates.size(), from + LOOKUP))).stream()
                    .filter(hit -> hit.availability().inStock())
                    .limit(limit - found.size())
                    .forEach(found::add);
        }
        return found;
    }
}
