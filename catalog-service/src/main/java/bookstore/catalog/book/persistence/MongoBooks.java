package bookstore.catalog.book.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import bookstore.catalog.book.application.Books;
import bookstore.catalog.book.application.CataloguePage;
import bookstore.catalog.book.application.CatalogueQuery;
import bookstore.catalog.book.application.DuplicateIsbnException;
import bookstore.catalog.book.application.Sale;
import bookstore.catalog.book.application.StaleBookException;
import bookstore.catalog.book.domain.Availability;
import bookstore.catalog.book.domain.Book;
import bookstore.catalog.book.domain.BookId;
import bookstore.catalog.book.domain.Rating;
import bookstore.catalog.book.domain.Sales;
import bookstore.events.CloudEvents;
import bookstore.events.catalog.BookEvent;
import bookstore.platform.messaging.EventCodec;
import bookstore.platform.observability.CurrentTrace;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Books in MongoDB. A change and its events are one single-document write (the events go into the
 * book's {@code pendingEvents} array), which MongoDB applies atomically without needing a
 * multi-document transaction; see docs/adr/0005.
 *
 * <p>Sales are counted the same way: a sale's units (or a return's, taken away) and its id go into
 * the book in one write, and the ids of the book's latest counted sales and returns ({@code
 * countedSales}) make a second delivery of one match nothing. Only that guard reads them: they are
 * left out whenever a book is loaded.
 */
@Repository
class MongoBooks implements Books {

    private static final String COUNTED_SALES = "countedSales";
    private static final String UNITS_SOLD = "unitsSold";
    private static final String SALES_REVISION = "salesRevision";
    private static final String PENDING_EVENTS = "pendingEvents";
    private static final String RATING = "rating";
    private static final String RATING_REVISIONS = "ratingRevisions";
    /**
     * Sales ids kept per book. A sale is delivered again within moments (a consumer restarted before
     * it committed its position), with the rest of its batch at most: more than one poll can bring
     * (bookstore.messaging.batch-max-records, 200), so even a batch of one book's sales is recognised.
     */
    private static final int COUNTED_SALES_KEPT = 256;

    private final ReactiveMongoTemplate mongo;
    private final EventCodec codec;
    private final PendingEventsSignal signal;
    private final CurrentTrace trace;

    MongoBooks(ReactiveMongoTemplate mongo, EventCodec codec, PendingEventsSignal signal, CurrentTrace trace) {
        this.mongo = mongo;
        this.codec = codec;
        this.signal = signal;
        this.trace = trace;
    }

    @Override
    public Mono<Book> findById(BookId id) {
        return mongo.findOne(withoutCountedSales(byId(id)), BookDocument.class).map(BookMapping::toBook);
    }

    @Override
    public Flux<Book> findAll() {
        return mongo.find(withoutCountedSales(new Query()), BookDocument.class).map(BookMapping::toBook);
    }

    @Override
    public Mono<Long> count() {
        return mongo.estimatedCount(BookDocument.class);
    }

    @Override
    public Mono<CataloguePage> list(CatalogueQuery query) {
        Criteria criteria = matching(query);
        Query page = withoutCountedSales(query(criteria))
                .with(Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.asc("id")))
                .skip(query.offset())
                .limit(query.size());
        // The outbox is the relay's business; a listing of many books need not carry it.
        page.fields().exclude(PENDING_EVENTS);
        return Mono.zip(
                mongo.find(page, BookDocument.class).map(BookMapping::toBook).collectList(),
                mongo.count(query(criteria), BookDocument.class),
                (books, total) -> new CataloguePage(books, query.page(), query.size(), total));
    }

    /**
     * The query's conditions, all of which must hold. Text is matched as a literal, case-insensitive substring (every
     * regular-expression character escaped); an unanchored pattern cannot use an index, which the catalogue's few
     * thousand books do not need for an admin's listing.
     */
    private static Criteria matching(CatalogueQuery query) {
        List<Criteria> conditions = new ArrayList<>();
        if (query.status() != null) {
            conditions.add(where("status").is(query.status().name()));
        }
        query.optionalText().ifPresent(text -> {
            String literal = literal(text);
            List<Criteria> anyOf = new ArrayList<>();
            anyOf.add(where("title").regex(literal, "i"));
            // On an array, a condition holds when it holds for any element: any one author matches.
            anyOf.add(where("authors").regex(literal, "i"));
            query.isbnDigits().ifPresent(digits -> anyOf.add(where("isbn").regex(digits)));
            conditions.add(new Criteria().orOperator(anyOf));
        });
        return conditions.isEmpty() ? new Criteria() : new Criteria().andOperator(conditions);
    }

    /** The text as a regular expression that matches exactly it, in MongoDB's PCRE and Java's dialect alike. */
    private static String literal(String text) {
        StringBuilder pattern = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> {
            if ("\\^$.|?*+()[]{}".indexOf(c) >= 0) {
                pattern.append('\\');
            }
            pattern.appendCodePoint(c);
        });
        return pattern.toString();
    }

    @Override
    public Mono<Book> add(Book book, List<BookEvent> events) {
        return trace.traceparent()
                .flatMap(traceparent -> mongo.insert(BookMapping.toDocument(book, 0, pending(events, traceparent))))
                .onErrorMap(DuplicateKeyException.class, e -> new DuplicateIsbnException(book.isbn()))
                .doOnSuccess(stored -> signal.raise())
                .map(BookMapping::toBook);
    }

    @Override
    public Mono<Book> update(Book book, List<BookEvent> events) {
        return trace.traceparent()
                .flatMap(traceparent -> mongo.updateFirst(
                        byId(book.id()).addCriteria(where("version").is(book.version())),
                        changes(book, pending(events, traceparent)),
                        BookDocument.class))
                .onErrorMap(DuplicateKeyException.class, e -> new DuplicateIsbnException(book.isbn()))
                .flatMap(result -> result.getMatchedCount() == 1
                        ? Mono.just(result)
                        : Mono.error(new StaleBookException(book.id(), book.version())))
                .doOnSuccess(result -> signal.raise())
                .then(findById(book.id()));
    }

    /** What an admin's change writes, with the next version and the events that report it. */
    private static Update changes(Book book, List<BookDocument.PendingEvent> events) {
        long next = book.version() + 1;
        BookDocument changed = BookMapping.toDocument(book, next, List.of());
        Update update = new Update()
                .set("version", next)
                .set("isbn", changed.isbn())
                .set("title", changed.title())
                .set("subtitle", changed.subtitle())
                .set("authors", changed.authors())
                .set("translators", changed.translators())
                .set("publisher", changed.publisher())
                .set("publicationDate", changed.publicationDate())
                .set("language", changed.language())
                .set("categories", changed.categories())
                .set("pageCount", changed.pageCount())
                .set("format", changed.format())
                .set("edition", changed.edition())
                .set("description", changed.description())
                .set("coverImage", changed.coverImage())
                .set("price", changed.price())
                .set("status", changed.status())
                .set("updatedAt", changed.updatedAt());
        // Stock and sales are not the admin's to write: they change under their own conditions.
        if (!events.isEmpty()) {
            update.push("pendingEvents").each(events.toArray());
        }
        return update;
    }

    /**
     * One bulk write of conditional updates, one per book: each applies only a newer version, so
     * redelivered and late facts are no-ops.
     */
    @Override
    public Mono<Void> updateAvailability(Map<BookId, Availability> latest) {
        if (latest.isEmpty()) {
            return Mono.empty();
        }
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, BookDocument.class);
        latest.forEach((id, availability) -> bulk.updateOne(
                query(where("_id").is(id.toString()).and("stock.version").lt(availability.version())),
                new Update()
                        .set("stock.available", availability.available())
                        .set("stock.version", availability.version())));
        return bulk.execute().then();
    }

    /**
     * One ordered bulk write of conditional updates, per sale: each matches only while its sale is not
     * among those the book counted, and takes the sale in as {@link Sales#count} does, revision and all.
     * A return is two updates of which one matches: subtract its copies from a count that holds them,
     * or leave zero. In order, so the facts of one order (its sales, then their returns) are counted as
     * they happened.
     */
    @Override
    public Mono<Void> countSales(List<Sale> sales) {
        if (sales.isEmpty()) {
            return Mono.empty();
        }
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, BookDocument.class);
        for (Sale sale : sales) {
            if (sale.units() >= 0) {
                bulk.updateOne(uncounted(sale), counted(sale).inc(UNITS_SOLD, sale.units()));
            } else {
                int returned = -sale.units();
                bulk.updateOne(
                        uncounted(sale).addCriteria(where(UNITS_SOLD).gte(returned)),
                        counted(sale).inc(UNITS_SOLD, sale.units()));
                bulk.updateOne(
                        uncounted(sale).addCriteria(where(UNITS_SOLD).lt(returned)),
                        counted(sale).set(UNITS_SOLD, 0));
            }
        }
        return bulk.execute().then();
    }

    /** The sale's book, while it has not counted the sale. */
    private static Query uncounted(Sale sale) {
        return byId(sale.bookId())
                .addCriteria(where(COUNTED_SALES).ne(sale.saleId().toString()));
    }

    /** Marks a sale counted: its id among the book's latest, one more fact in the revision. */
    private static Update counted(Sale sale) {
        Update update = new Update().inc(SALES_REVISION, 1);
        update.push(COUNTED_SALES).slice(-COUNTED_SALES_KEPT).each(sale.saleId().toString());
        return update;
    }

    @Override
    public Flux<Book> findWithSales(Map<BookId, List<Sale>> salesByBook) {
        if (salesByBook.isEmpty()) {
            return Flux.empty();
        }
        // One read of the books, each with the sales it counted, so count and sales cannot disagree.
        var ids = salesByBook.keySet().stream().map(BookId::toString).toList();
        return mongo.find(query(where("_id").in(ids)), Document.class, BookDocument.COLLECTION)
                .map(stored -> {
                    Book book = BookMapping.toBook(mongo.getConverter().read(BookDocument.class, stored));
                    List<String> counted = stored.getList(COUNTED_SALES, String.class, List.of());
                    // A sale delivered twice in the batch counts once, like one the book counted already.
                    List<Sale> uncounted = salesByBook.getOrDefault(book.id(), List.of()).stream()
                            .distinct()
                            .filter(sale -> !counted.contains(sale.saleId().toString()))
                            .toList();
                    Sales sales = book.sales();
                    for (Sale sale : uncounted) {
                        sales = sales.count(sale.units());
                    }
                    return uncounted.isEmpty() ? book : book.withFigures(book.availability(), sales);
                });
    }

    @Override
    public Mono<Long> nextRatingRevision(BookId id) {
        Query book = byId(id);
        book.fields().include(RATING_REVISIONS);
        return mongo.findAndModify(
                        book,
                        new Update().inc(RATING_REVISIONS, 1),
                        FindAndModifyOptions.options().returnNew(true),
                        Document.class,
                        BookDocument.COLLECTION)
                .map(stored -> ((Number) stored.get(RATING_REVISIONS)).longValue());
    }

    @Override
    public Mono<Boolean> storeRating(BookId id, Rating rating, Instant now) {
        Query olderTally = byId(id).addCriteria(new Criteria()
                .orOperator(
                        where(RATING).exists(false), where(RATING + ".revision").lt(rating.revision())));
        return mongo.updateFirst(
                        olderTally,
                        new Update()
                                .set(
                                        RATING,
                                        new BookDocument.Rated(rating.count(), rating.sum(), rating.revision(), now)),
                        BookDocument.class)
                .map(result -> result.getModifiedCount() == 1);
    }

    @Override
    public Mono<Map<BookId, Rating>> ratingsChangedSince(Instant since) {
        Query changed = query(where(RATING + ".changedAt").gte(since));
        changed.fields().include("_id", RATING);
        return mongo.find(changed, RatedBook.class, BookDocument.COLLECTION)
                .collectMap(book -> BookId.parse(book.id()), book -> BookMapping.rating(book.rating()));
    }

    /** A book as far as its rating goes. */
    record RatedBook(@Id String id, BookDocument.Rated rating) {}

    private static Query byId(BookId id) {
        return query(where("_id").is(id.toString()));
    }

    private static Query withoutCountedSales(Query query) {
        query.fields().exclude(COUNTED_SALES);
        return query;
    }

    private List<BookDocument.PendingEvent> pending(List<BookEvent> events, Optional<String> traceparent) {
        return events.stream()
                .map(event -> new BookDocument.PendingEvent(
                        event.eventId().toString(),
                        CloudEvents.typeOf(event.getClass()),
                        new String(codec.encode(event), StandardCharsets.UTF_8),
                        event.occurredAt(),
                        traceparent.orElse(null)))
                .toList();
    }
}
