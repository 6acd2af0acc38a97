package bookstore.catalog.search.index;

import bookstore.catalog.book.domain.Availability;
import bookstore.catalog.book.domain.Book;
import bookstore.catalog.book.domain.Rating;
import bookstore.catalog.book.domain.Sales;
import bookstore.catalog.search.application.BookHit;
import bookstore.catalog.search.application.FacetValue;
import bookstore.catalog.search.application.SearchCriteria;
import bookstore.catalog.search.application.SearchIndex;
import bookstore.catalog.search.application.SearchPage;
import bookstore.catalog.search.application.SortOrder;
import bookstore.catalog.search.application.Suggestion;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.MultiLongValuesSource;
import org.apache.lucene.facet.range.LongRange;
import org.apache.lucene.facet.range.LongRangeFacetCounts;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.SortedSetSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * This replica's search index of the active books, in memory. It is a read model: rebuilt from
 * MongoDB at start-up and kept current from this replica's writes and the catalogue's events, never
 * read back into the catalogue.
 *
 * <p>Updates may arrive out of order (a write here and the event of an older write from elsewhere);
 * the index remembers, per book, the book and stock versions, the sales count's and the rating's
 * revisions it holds, ignores a state that is newer in none of them, and indexes the newest stock
 * figure, sales count and rating it has seen, so replicas converge on the latest state whatever the
 * order.
 *
 * <p>Results are cached per index version: the same search on an unchanged index is answered from
 * memory, without Lucene. Every change opens a new version (a new reader) and empties the cache, so
 * no search after a change sees a result from before it. The cache is bounded by the result rows
 * it holds, hits and facet values, since one page of results may hold a hundred books and another
 * none.
 */
public final class BookIndex implements SearchIndex, MeterBinder, Closeable {

    /**
     * About a thousand typical searches (20 hits and some 45 facet values each), measured at 12 MB;
     * below 30 MB whatever the searches, since a cached hit takes under 500 bytes.
     */
    public static final long DEFAULT_CACHED_ROWS = 60_000;

    private static final int TOP_FACET_VALUES = 10;
    private static final List<LongRange> PRICE_RANGES = List.of(
            new LongRange("0-20", 0, true, 2_000, false),
            new LongRange("20-50", 2_000, true, 5_000, false),
            new LongRange("50-100", 5_000, true, 10_000, false),
            new LongRange("100-200", 10_000, true, 20_000, false),
            new LongRange("200+", 20_000, true, Long.MAX_VALUE, true));

    private final Directory directory = new ByteBuffersDirectory();
    private final FacetsConfig facetsConfig = new FacetsConfig();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final BookDocuments documents = new BookDocuments();
    private final Queries queries = new Queries();
    private final Likeness likeness = new Likeness();
    private final Map<String, IndexedState> indexed = new ConcurrentHashMap<>();
    private final Cache<CachedSearch, SearchPage> results;
    private final AtomicLong refreshes = new AtomicLong();
    private final boolean caching;
    private volatile FacetState facetState;

    public BookIndex() {
        this(DEFAULT_CACHED_ROWS);
    }

    /**
     * @param cachedRows how many result rows (hits and facet values) the result cache may hold; 0
     *     switches it off, to measure Lucene itself
     */
    public BookIndex(long cachedRows) {
        facetsConfig.setMultiValued(Fields.FACET_AUTHOR, true);
        facetsConfig.setMultiValued(Fields.FACET_CATEGORY, true);
        results = Caffeine.newBuilder()
                .maximumWeight(cachedRows)
                .weigher((CachedSearch search, SearchPage page) -> rows(page))
                .recordStats()
                .build();
        caching = cachedRows > 0;
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(Analyzers.forIndexing()));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        searchers.addListener(new ReferenceManager.RefreshListener() {
            @Override
            public void beforeRefresh() {}

            @Override
            public void afterRefresh(boolean didRefresh) {
                if (didRefresh) {
                    refreshes.incrementAndGet();
                    // Results of older versions are never asked for again; free their memory now.
                    results.invalidateAll();
                }
            }
        });
    }

    /** Brings one book up to date and makes it searchable at once; false if the index knew better. */
    public boolean put(Book book) {
        boolean changed = apply(book);
        if (changed) {
            refresh();
        }
        return changed;
    }

    /** Brings many books up to date and makes them searchable together; returns how many changed. */
    public int putAll(Iterable<Book> books) {
        int changed = 0;
        for (Book book : books) {
            changed += apply(book) ? 1 : 0;
        }
        refresh();
        return changed;
    }

    /**
     * Applies inventory's newest figures to the books the index holds, from the index's own copy of
     * each book (nothing is read back from the store), and makes them searchable together; an older
     * figure than the index holds changes nothing. Returns how many books changed.
     */
    public int putStock(Map<String, Availability> newest) {
        int changed = 0;
        for (var figure : newest.entrySet()) {
            IndexedState state = indexed.get(figure.getKey());
            if (state != null && state.stock().isOlderThan(figure.getValue().version())) {
                changed += apply(state.latest().withFigures(figure.getValue(), state.sales())) ? 1 : 0;
            }
        }
        if (changed > 0) {
            refresh();
        }
        return changed;
    }

    /**
     * Applies readers' newest ratings to the books the index holds, from the index's own copy of each book (nothing
     * is read back from the store), and makes them searchable together; an older tally than the index holds changes
     * nothing. Returns how many books changed.
     */
    public int putRatings(Map<String, Rating> newest) {
        int changed = 0;
        for (var tally : newest.entrySet()) {
            IndexedState state = indexed.get(tally.getKey());
            if (state != null && state.rating().isOlderThan(tally.getValue().revision())) {
                changed += apply(state.latest().withFigures(state.stock(), state.sales(), tally.getValue())) ? 1 : 0;
            }
        }
        if (changed > 0) {
            refresh();
        }
        return changed;
    }

    /** The stock version the index holds for a book, or -1 if it has none. */
    public long stockVersion(String bookId) {
        IndexedState state = indexed.get(bookId);
        return state == null ? -1 : state.stock().version();
    }

    public int size() {
        IndexSearcher searcher = acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            release(searcher);
        }
    }

    @Override
    public SearchPage search(SearchCriteria criteria) {
        SearchCriteria request = normalised(criteria);
        IndexSearcher searcher = acquire();
        try {
            if (!caching) {
                return search(searcher, request);
            }
            // The reader is the index version: a change opens a new one, with a new key.
            var key = new CachedSearch(
                    searcher.getIndexReader().getReaderCacheHelper().getKey(), request);
            SearchPage page = results.getIfPresent(key);
            if (page == null) {
                page = search(searcher, request);
                results.put(key, page);
            }
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    /** How often a change has been made searchable (each time a new index version was opened). */
    public long refreshes() {
        return refreshes.get();
    }

    /**
     * Hits and misses of the result cache, as {@code cache.gets} and friends, {@code
     * cache=catalog.search}; index versions opened, as {@code catalog.search.refreshes}.
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, results, "catalog.search");
        FunctionCounter.builder("catalog.search.refreshes", refreshes, AtomicLong::get)
                .description("Index versions opened to make changes searchable")
                .register(registry);
    }

    @Override
    public List<Suggestion> suggest(String prefix, int limit) {
        if (prefix == null || prefix.isBlank() || limit < 1) {
            return List.of();
        }
        IndexSearcher searcher = acquire();
        try {
            Sort bestFirst = new Sort(SortField.FIELD_SCORE, soldDescending(), BY_ID);
            TopDocs top = searcher.search(queries.suggest(prefix), limit * 3, bestFirst);
            Set<String> titles = new LinkedHashSet<>();
            List<Suggestion> suggestions = new ArrayList<>();
            for (BookHit hit : hits(searcher, top, 0)) {
                if (suggestions.size() < limit && titles.add(hit.title())) {
                    suggestions.add(new Suggestion(hit.title(), hit.id(), hit.authors()));
                }
            }
            return suggestions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    @Override
    public List<BookHit> summaries(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Set<String> wanted = new LinkedHashSet<>(ids);
        Query byIds = KeywordField.newSetQuery(
                Fields.ID, wanted.stream().map(BytesRef::new).toList());
        Map<String, BookHit> found = new HashMap<>();
        for (BookHit hit : top(searcher -> byIds, wanted.size(), new Sort(BY_ID))) {
            found.put(hit.id(), hit);
        }
        return wanted.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    @Override
    public List<BookHit> similar(Book book, Set<String> leaveOut, int limit) {
        return top(
                searcher -> inStockWithout(likeness.like(searcher.getIndexReader(), book), leaveOut, book),
                limit,
                new Sort(SortField.FIELD_SCORE, BY_ID));
    }

    @Override
    public List<BookHit> bestsellers(Set<String> leaveOut, int limit) {
        return top(
                searcher -> inStockWithout(new MatchAllDocsQuery(), leaveOut, null),
                limit,
                new Sort(soldDescending(), numeric(Fields.PUBLISHED, true), BY_ID));
    }

    /** In-stock books the query finds, without those left out nor the book itself, if there is one. */
    private static Query inStockWithout(Query query, Set<String> leaveOut, Book itself) {
        BooleanQuery.Builder filtered = new BooleanQuery.Builder()
                .add(query, Occur.MUST)
                .add(new TermQuery(new Term(Fields.IN_STOCK, "true")), Occur.FILTER);
        Set<String> excluded = new LinkedHashSet<>(leaveOut);
        if (itself != null) {
            excluded.add(itself.id().toString());
        }
        if (!excluded.isEmpty()) {
            filtered.add(
                    KeywordField.newSetQuery(
                            Fields.ID, excluded.stream().map(BytesRef::new).toList()),
                    Occur.MUST_NOT);
        }
        return filtered.build();
    }

    private List<BookHit> top(QueryOnIndex query, int limit, Sort sort) {
        if (limit < 1) {
            return List.of();
        }
        IndexSearcher searcher = acquire();
        try {
            return hits(searcher, searcher.search(query.on(searcher), limit, sort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    /** A query made for one version of the index, as a book's likeness is (its terms' rarity is the index's). */
    @FunctionalInterface
    private interface QueryOnIndex {
        Query on(IndexSearcher searcher) throws IOException;
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }

    private SearchPage search(IndexSearcher searcher, SearchCriteria criteria) throws IOException {
        int window = (criteria.page() + 1) * criteria.size();
        var query = queries.search(criteria);
        Sort sort = sortFor(criteria);
        FacetsCollectorManager.FacetsResult result =
                FacetsCollectorManager.search(searcher, query, window, sort, new FacetsCollectorManager());
        long total = result.facetsCollector().getMatchingDocs().stream()
                .mapToLong(FacetsCollector.MatchingDocs::totalHits)
                .sum();
        List<BookHit> items = hits(searcher, result.topDocs(), criteria.page() * criteria.size());
        return new SearchPage(
                items, criteria.page(), criteria.size(), total, facets(searcher, result.facetsCollector()));
    }

    /**
     * The request as the index reads it, so that requests it answers alike share one cache entry:
     * filters compared as their index keys, blank text or filters as none, and the order a search
     * without text is really sorted in.
     */
    static SearchCriteria normalised(SearchCriteria criteria) {
        return new SearchCriteria(
                criteria.hasText() ? criteria.q() : null,
                filterKey(criteria.author()),
                filterKey(criteria.category()),
                filterKey(criteria.publisher()),
                filterKey(criteria.language()),
                criteria.minPrice(),
                criteria.maxPrice(),
                criteria.inStock(),
                criteria.minRating() == null ? null : criteria.minRating().stripTrailingZeros(),
                effectiveOrder(criteria),
                criteria.page(),
                criteria.size());
    }

    private static String filterKey(String value) {
        return value == null || value.isBlank() ? null : BookDocuments.key(value);
    }

    private static int rows(SearchPage page) {
        return 1
                + page.items().size()
                + page.facets().values().stream().mapToInt(List::size).sum();
    }

    private boolean apply(Book book) {
        String id = book.id().toString();
        IndexedState incoming = IndexedState.of(book);
        boolean[] changed = {false};
        indexed.compute(id, (key, current) -> {
            if (current != null && current.covers(incoming)) {
                return current;
            }
            IndexedState newest = current == null ? incoming : current.merge(incoming);
            write(newest.latest());
            changed[0] = true;
            return newest;
        });
        return changed[0];
    }

    private void write(Book book) {
        Term id = new Term(Fields.ID, book.id().toString());
        try {
            if (book.isActive()) {
                writer.updateDocument(id, facetsConfig.build(documents.of(book)));
            } else {
                writer.deleteDocuments(id);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<BookHit> hits(IndexSearcher searcher, TopDocs top, int from) throws IOException {
        StoredFields stored = searcher.storedFields();
        List<BookHit> hits = new ArrayList<>();
        ScoreDoc[] docs = top.scoreDocs;
        for (int i = from; i < docs.length; i++) {
            hits.add(documents.summary(stored.document(docs[i].doc).getBinaryValue(Fields.SUMMARY).bytes));
        }
        return hits;
    }

    private Map<String, List<FacetValue>> facets(IndexSearcher searcher, FacetsCollector matches) throws IOException {
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        SortedSetDocValuesReaderState state = facetState(searcher.getIndexReader());
        if (state != null) {
            var counts = new SortedSetDocValuesFacetCounts(state, matches);
            for (String dimension : List.of(
                    Fields.FACET_CATEGORY,
                    Fields.FACET_AUTHOR,
                    Fields.FACET_PUBLISHER,
                    Fields.FACET_LANGUAGE,
                    Fields.FACET_IN_STOCK)) {
                facets.put(dimension, values(topChildren(counts, dimension)));
            }
        }
        FacetResult prices = new LongRangeFacetCounts(
                        Fields.PRICE,
                        MultiLongValuesSource.fromLongField(Fields.PRICE),
                        matches,
                        PRICE_RANGES.toArray(LongRange[]::new))
                .getAllChildren(Fields.FACET_PRICE);
        List<FacetValue> priceValues = new ArrayList<>();
        for (int i = 0; i < PRICE_RANGES.size(); i++) {
            LongRange range = PRICE_RANGES.get(i);
            priceValues.add(new FacetValue(
                    range.label,
                    prices.labelValues[i].value.longValue(),
                    range.min,
                    range.max == Long.MAX_VALUE ? null : range.max));
        }
        facets.put(Fields.FACET_PRICE, priceValues);
        return facets;
    }

    private static FacetResult topChildren(SortedSetDocValuesFacetCounts counts, String dimension) throws IOException {
        try {
            return counts.getTopChildren(TOP_FACET_VALUES, dimension);
        } catch (IllegalArgumentException noSuchDimension) {
            // No book in the index has a value for this dimension yet.
            return null;
        }
    }

    private static List<FacetValue> values(FacetResult result) {
        if (result == null) {
            return List.of();
        }
        List<FacetValue> values = new ArrayList<>();
        for (LabelAndValue value : result.labelValues) {
            values.add(FacetValue.of(value.label, value.value.longValue()));
        }
        return values;
    }

    /** Ordinal maps for facet counting cost a pass over the index; built once per index version. */
    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        FacetState current = facetState;
        if (current != null && current.reader() == reader) {
            return current.state();
        }
        SortedSetDocValuesReaderState state;
        try {
            state = new DefaultSortedSetDocValuesReaderState(reader, facetsConfig);
        } catch (IllegalArgumentException emptyIndex) {
            state = null;
        }
        facetState = new FacetState(reader, state);
        return state;
    }

    private static SortOrder effectiveOrder(SearchCriteria criteria) {
        return criteria.sort() == SortOrder.RELEVANCE && !criteria.hasText() ? SortOrder.NEWEST : criteria.sort();
    }

    /** The order asked for, then relevance, then the book id, so ties always list the same way. */
    private static Sort sortFor(SearchCriteria criteria) {
        return switch (effectiveOrder(criteria)) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, BY_ID);
            case PRICE_ASC -> new Sort(numeric(Fields.PRICE, false), SortField.FIELD_SCORE, BY_ID);
            case PRICE_DESC -> new Sort(numeric(Fields.PRICE, true), SortField.FIELD_SCORE, BY_ID);
            case NEWEST -> new Sort(numeric(Fields.PUBLISHED, true), SortField.FIELD_SCORE, BY_ID);
            case BESTSELLING -> new Sort(soldDescending(), SortField.FIELD_SCORE, BY_ID);
            case RATING ->
                new Sort(numeric(Fields.RATING, true), numeric(Fields.RATINGS, true), SortField.FIELD_SCORE, BY_ID);
        };
    }

    private static final SortField BY_ID = KeywordField.newSortField(Fields.ID, false, SortedSetSelector.Type.MIN);

    private static SortField soldDescending() {
        return numeric(Fields.SOLD, true);
    }

    private static SortField numeric(String field, boolean descending) {
        return LongField.newSortField(field, descending, SortedNumericSelector.Type.MIN);
    }

    private IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {}

    /** One search on one version of the index. */
    private record CachedSearch(IndexReader.CacheKey version, SearchCriteria request) {}

    /**
     * What the index holds of a book's parts that change apart: the version of the catalogue record,
     * inventory's stock figure (with its version), the sales count (with its revision: returns lower the
     * units, so only the revision tells the newer count) and readers' rating (with its revision).
     */
    private record IndexedState(long book, Availability stock, Sales sales, Rating rating, Book latest) {

        static IndexedState of(Book book) {
            return new IndexedState(book.version(), book.availability(), book.sales(), book.rating(), book);
        }

        boolean covers(IndexedState other) {
            return book >= other.book
                    && stock.version() >= other.stock.version()
                    && !sales.isOlderThan(other.sales.revision())
                    && !rating.isOlderThan(other.rating.revision());
        }

        /** The newest of each part; {@code latest} is the book as written with them. */
        IndexedState merge(IndexedState other) {
            Availability newestStock = stock.isOlderThan(other.stock.version()) ? other.stock : stock;
            Sales newestSales = sales.isOlderThan(other.sales.revision()) ? other.sales : sales;
            Rating newestRating = rating.isOlderThan(other.rating.revision()) ? other.rating : rating;
            Book newestBook = book >= other.book ? latest : other.latest;
            return new IndexedState(
                    Math.max(book, other.book),
                    newestStock,
                    newestSales,
                    newestRating,
                    newestBook.withFigures(newestStock, newestSales, newestRating));
        }
    }
}
