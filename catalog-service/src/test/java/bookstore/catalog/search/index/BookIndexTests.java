package bookstore.catalog.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import bookstore.catalog.book.domain.Availability;
import bookstore.catalog.book.domain.Book;
import bookstore.catalog.book.domain.BookDetails;
import bookstore.catalog.book.domain.BookId;
import bookstore.catalog.book.domain.BookStatus;
import bookstore.catalog.book.domain.Isbn;
import bookstore.catalog.book.domain.Money;
import bookstore.catalog.book.domain.PublicationDate;
import bookstore.catalog.book.domain.Sales;
import bookstore.catalog.search.application.BookHit;
import bookstore.catalog.search.application.FacetValue;
import bookstore.catalog.search.application.SearchCriteria;
import bookstore.catalog.search.application.SearchPage;
import bookstore.catalog.search.application.SortOrder;
import bookstore.catalog.search.application.Suggestion;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Search behaviour on a known fixture of books, without Spring, MongoDB or Kafka. */
class BookIndexTests {

    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    static final List<String> TWIN_ISBNS = List.of(
            "9780000000002", "9780000000019", "9780000000026", "9780000000033", "9780000000040", "9780000000057");

    BookIndex index;
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    Book warAndPeace = book("9780140447934", "War and Peace", "Leo Tolstoy", "en", "Classics", 3_800, "1869", 4);
    Book artOfWar = book("9781590302255", "The Art of War", "Sun Tzu", "en", "Philosophy", 2_500, "2005", 0);
    Book peaceMentions = book(
            "9780062316097",
            "Sapiens",
            "Yuval Noah Harari",
            "en",
            "History",
            6_800,
            "2015",
            2,
            "A history of war, peace and everything in between.");
    Book threeBody = book("9787536692930", "三体", "刘慈欣", "zh", "Science Fiction", 2_300, "2008-01", 5);
    Book darkForest = book("9787536693968", "三体Ⅱ：黑暗森林", "刘慈欣", "zh", "Science Fiction", 3_200, "2008-05", 0);
    Book norwegianWood = book("9791000000015", "挪威的森林", "村上春树", "zh", "Fiction", 2_580, "2018-03", 7);
    Book toLive = book("9787506365437", "活着", "余华", "zh", "Fiction", 2_000, "2012-08-01", 9);

    @BeforeEach
    void indexFixture() {
        index = new BookIndex();
        index.bindTo(metrics);
        index.putAll(List.of(warAndPeace, artOfWar, peaceMentions, threeBody, darkForest, norwegianWood, toLive));
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    @Test
    void ranksATitleMatchAboveAnAuthorOrDescriptionMatch() {
        List<String> war = ids("war");
        assertThat(war).hasSize(3);
        assertThat(war.subList(0, 2)).containsExactlyInAnyOrder(id(artOfWar), id(warAndPeace));
        assertThat(war.get(2)).as("mentioned only in the description").isEqualTo(id(peaceMentions));
        assertThat(ids("war peace")).containsExactly(id(warAndPeace), id(peaceMentions));
    }

    @Test
    void findsChineseWordsInsideTitles() {
        assertThat(ids("森林")).containsExactlyInAnyOrder(id(darkForest), id(norwegianWood));
        assertThat(ids("黑暗森林")).first().isEqualTo(id(darkForest));
    }

    @Test
    void findsByAuthorAndRanksTheAuthorsBooksFirst() {
        assertThat(ids("刘慈欣")).containsExactlyInAnyOrder(id(threeBody), id(darkForest));
        assertThat(ids("tolstoy")).containsExactly(id(warAndPeace));
    }

    @Test
    void findsByIsbnWrittenAnyWay() {
        assertThat(ids("978-7-5366-9293-0")).containsExactly(id(threeBody));
        assertThat(ids("9787536692930")).containsExactly(id(threeBody));
        assertThat(ids("7536692935")).containsExactly(id(threeBody));
    }

    @Test
    void forgivesOneTypoInALatinWord() {
        assertThat(ids("tolstoi")).containsExactly(id(warAndPeace));
        assertThat(ids("sapeins")).containsExactly(id(peaceMentions));
        // Short words must match exactly: "wat" is not "war".
        assertThat(ids("wat")).isEmpty();
    }

    @Test
    void countsFacetsOverAllResults() {
        SearchPage page = index.search(criteria("", null, null, 0, 2));

        assertThat(page.total()).isEqualTo(7);
        assertThat(page.items()).hasSize(2);
        Map<String, List<FacetValue>> facets = page.facets();
        assertThat(facets.get("language")).containsExactlyInAnyOrder(FacetValue.of("zh", 4), FacetValue.of("en", 3));
        assertThat(facets.get("author")).contains(FacetValue.of("刘慈欣", 2));
        assertThat(facets.get("inStock")).contains(FacetValue.of("true", 5), FacetValue.of("false", 2));
        assertThat(facets.get("price"))
                .extracting(FacetValue::value, FacetValue::count)
                .containsExactly(
                        tuple("0-20", 0L),
                        tuple("20-50", 6L),
                        tuple("50-100", 1L),
                        tuple("100-200", 0L),
                        tuple("200+", 0L));
    }

    @Test
    void filtersCombineWithText() {
        SearchPage fiction = index.search(
                new SearchCriteria("森林", null, "fiction", null, null, null, null, null, SortOrder.RELEVANCE, 0, 20));
        SearchPage inStock = index.search(
                new SearchCriteria("森林", null, null, null, null, null, null, true, SortOrder.RELEVANCE, 0, 20));
        SearchPage cheap = index.search(
                new SearchCriteria(null, null, null, null, "zh", null, 2_300L, null, SortOrder.PRICE_ASC, 0, 20));

        assertThat(fiction.items()).extracting(BookHit::id).containsExactly(id(norwegianWood));
        assertThat(inStock.items()).extracting(BookHit::id).containsExactly(id(norwegianWood));
        assertThat(cheap.items()).extracting(BookHit::id).containsExactly(id(toLive), id(threeBody));
    }

    @Test
    void sortsByPriceAndNewest() {
        assertThat(index.search(criteria("", SortOrder.PRICE_DESC, "en", 0, 20)).items())
                .extracting(BookHit::id)
                .containsExactly(id(peaceMentions), id(warAndPeace), id(artOfWar));
        assertThat(index.search(criteria("", SortOrder.NEWEST, "zh", 0, 20)).items())
                .extracting(BookHit::id)
                .containsExactly(id(norwegianWood), id(toLive), id(darkForest), id(threeBody));
    }

    @Test
    void booksTiedOnTheOrderAskedForAreListedByIdWhateverTheirIndexingOrder() {
        List<Book> twins = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            twins.add(book(TWIN_ISBNS.get(i), "Twin Volume", "Same Author", "en", "Twins", 1_000, "2020", 1));
        }
        List<String> byId = twins.stream().map(BookIndexTests::id).sorted().toList();
        // Indexed in reverse id order and updated once more, so index order and id order differ.
        index.putAll(twins.reversed());
        index.put(restored(twins.getFirst(), 2, BookStatus.ACTIVE, new Availability(3, 2)));

        for (SortOrder order : SortOrder.values()) {
            assertThat(index.search(criteria("twin volume", order, "en", 0, 20)).items())
                    .as(order.name())
                    .extracting(BookHit::id)
                    .containsExactlyElementsOf(byId);
        }
    }

    @Test
    void stockFiguresApplyToTheIndexedBooksWithoutTheirStoreAndOlderOnesChangeNothing() {
        var searchInStock =
                new SearchCriteria("三体", null, null, null, null, null, null, true, SortOrder.RELEVANCE, 0, 20);
        assertThat(index.search(searchInStock).items()).extracting(BookHit::id).containsExactly(id(threeBody));

        int changed = index.putStock(Map.of(
                id(threeBody),
                new Availability(0, 7),
                id(darkForest),
                new Availability(4, 3),
                "7c9e6679-7425-40de-944b-e07fc1f90ae7",
                new Availability(1, 1)));

        assertThat(changed).isEqualTo(2);
        assertThat(index.search(searchInStock).items()).extracting(BookHit::id).containsExactly(id(darkForest));
        assertThat(index.stockVersion(id(threeBody))).isEqualTo(7);

        assertThat(index.putStock(Map.of(id(threeBody), new Availability(9, 6))))
                .isZero();
        assertThat(index.search(searchInStock).items()).extracting(BookHit::id).containsExactly(id(darkForest));
    }

    @Test
    void pagesThroughResults() {
        SearchPage second = index.search(criteria("", SortOrder.PRICE_ASC, null, 1, 3));

        assertThat(second.total()).isEqualTo(7);
        assertThat(second.items())
                .extracting(BookHit::id)
                .containsExactly(id(norwegianWood), id(darkForest), id(warAndPeace));
    }

    @Test
    void suggestsTitlesByPrefixOfTheTitleOrOfAWord() {
        assertThat(index.suggest("war", 5)).extracting(Suggestion::text).first().isEqualTo("War and Peace");
        assertThat(index.suggest("art o", 5)).extracting(Suggestion::text).containsExactly("The Art of War");
        assertThat(index.suggest("三体", 5)).extracting(Suggestion::text).containsExactly("三体", "三体Ⅱ：黑暗森林");
        assertThat(index.suggest("", 5)).isEmpty();
    }

    @Test
    void discontinuedBookLeavesTheIndex() {
        index.put(restored(toLive, toLive.version() + 1, BookStatus.DISCONTINUED, toLive.availability()));

        assertThat(ids("活着")).isEmpty();
    }

    @Test
    void olderStateNeverReplacesANewerOne() {
        Book restocked = restored(darkForest, darkForest.version(), BookStatus.ACTIVE, new Availability(6, 4));
        Book stale = restored(darkForest, darkForest.version(), BookStatus.ACTIVE, new Availability(0, 2));

        assertThat(index.put(restocked)).isTrue();
        assertThat(index.put(stale)).isFalse();
        assertThat(index.put(restocked)).as("the same state twice").isFalse();

        assertThat(index.search(new SearchCriteria(
                                "黑暗森林", null, null, null, null, null, null, true, SortOrder.RELEVANCE, 0, 20))
                        .items())
                .extracting(hit -> hit.availability().available())
                .containsExactly(6);
        assertThat(index.stockVersion(id(darkForest))).isEqualTo(4);
    }

    @Test
    void ranksBestsellersByUnitsSold() {
        index.put(sold(threeBody, 40));
        index.put(sold(toLive, 90));
        index.put(sold(norwegianWood, 15));

        assertThat(index.search(criteria("", SortOrder.BESTSELLING, "zh", 0, 3)).items())
                .extracting(BookHit::id)
                .containsExactly(id(toLive), id(threeBody), id(norwegianWood));
    }

    @Test
    void aReturnLowersTheCountAndTheBestsellingOrderFollows() {
        index.put(sold(toLive, 90));
        index.put(sold(threeBody, 80));
        // Twenty copies of To Live came back: one more fact, fewer copies.
        Book afterReturn = counted(toLive, 70, 91);

        assertThat(index.put(afterReturn)).isTrue();
        assertThat(index.put(sold(toLive, 90)))
                .as("the count before the return")
                .isFalse();
        assertThat(index.search(criteria("", SortOrder.BESTSELLING, "zh", 0, 2)).items())
                .extracting(BookHit::id)
                .containsExactly(id(threeBody), id(toLive));
    }

    @Test
    void onlyANewerSalesCountReplacesTheOneHeldWhateverOrderTheyArriveIn() {
        Book revised = restored(toLive, toLive.version() + 1, BookStatus.ACTIVE, toLive.availability());

        assertThat(index.put(sold(toLive, 90))).isTrue();
        assertThat(index.put(sold(toLive, 60))).as("an older count").isFalse();
        assertThat(index.put(revised))
                .as("a newer record read before the count")
                .isTrue();
        index.put(sold(threeBody, 80));

        assertThat(index.search(criteria("", SortOrder.BESTSELLING, "zh", 0, 1)).items())
                .extracting(BookHit::id)
                .containsExactly(id(toLive));
    }

    @Test
    void repeatedSearchOnAnUnchangedIndexIsServedFromTheCache() {
        SearchPage first = index.search(SearchCriteria.text("war"));
        SearchPage again = index.search(SearchCriteria.text("war"));
        index.put(toLive); // the state the index holds already: no change

        assertThat(index.search(SearchCriteria.text("war"))).isSameAs(first);
        assertThat(again).isSameAs(first);
        assertThat(cacheGets("miss")).isEqualTo(1);
        assertThat(cacheGets("hit")).isEqualTo(2);
    }

    @Test
    void everyChangeToTheIndexIsSeenByTheNextSearch() {
        SearchCriteria chinese = criteria("", SortOrder.BESTSELLING, "zh", 0, 20);
        index.search(chinese);
        Book brothers = book("9787506332231", "兄弟", "余华", "zh", "Fiction", 3_900, "2012-09", 3);

        index.put(brothers);
        assertThat(ids(searchedByLucene(chinese))).contains(id(brothers));

        index.put(restored(brothers, 1, BookStatus.ACTIVE, new Availability(0, 1)));
        assertThat(searchedByLucene(chinese).items())
                .filteredOn(hit -> hit.id().equals(id(brothers)))
                .extracting(hit -> hit.availability().inStock())
                .containsExactly(false);

        index.put(sold(restored(brothers, 1, BookStatus.ACTIVE, new Availability(0, 1)), 500));
        assertThat(ids(searchedByLucene(chinese))).first().isEqualTo(id(brothers));

        index.put(restored(brothers, 2, BookStatus.DISCONTINUED, new Availability(0, 1)));
        assertThat(ids(searchedByLucene(chinese))).doesNotContain(id(brothers));
    }

    @Test
    void searchesThatDifferInAnyParameterNeverShareAResult() {
        List<SearchCriteria> searches = List.of(
                new SearchCriteria("war", null, null, null, null, null, null, null, SortOrder.RELEVANCE, 0, 20),
                new SearchCriteria("peace", null, null, null, null, null, null, null, SortOrder.RELEVANCE, 0, 20),
                new SearchCriteria("war", "Sun Tzu", null, null, null, null, null, null, SortOrder.RELEVANCE, 0, 20),
                new SearchCriteria("war", null, "Classics", null, null, null, null, null, SortOrder.RELEVANCE, 0, 20),
                new SearchCriteria("war", null, null, "Penguin", null, null, null, null, SortOrder.RELEVANCE, 0, 20),
                new SearchCriteria("war", null, null, null, "en", null, null, null, SortOrder.RELEVANCE, 0, 20),
                new SearchCriteria("war", null, null, null, null, 3_000L, null, null, SortOrder.RELEVANCE, 0, 20),
                new SearchCriteria("war", null, null, null, null, null, 3_000L, null, SortOrder.RELEVANCE, 0, 20),
                new SearchCriteria("war", null, null, null, null, null, null, true, SortOrder.RELEVANCE, 0, 20),
                new SearchCriteria("war", null, null, null, null, null, null, false, SortOrder.RELEVANCE, 0, 20),
                new SearchCriteria("war", null, null, null, null, null, null, null, SortOrder.PRICE_ASC, 0, 20),
                new SearchCriteria("war", null, null, null, null, null, null, null, SortOrder.PRICE_DESC, 0, 20),
                new SearchCriteria("war", null, null, null, null, null, null, null, SortOrder.RELEVANCE, 1, 2),
                new SearchCriteria("war", null, null, null, null, null, null, null, SortOrder.RELEVANCE, 0, 2));

        searches.forEach(index::search);

        assertThat(cacheGets("miss")).isEqualTo(searches.size());
        assertThat(cacheGets("hit")).isZero();
        assertThat(index.search(searches.get(11)).items())
                .extracting(BookHit::id)
                .containsExactly(id(peaceMentions), id(warAndPeace), id(artOfWar));
        assertThat(index.search(searches.get(12)).items())
                .extracting(BookHit::id)
                .hasSize(1);
    }

    @Test
    void searchesTheIndexAnswersAlikeShareAResult() {
        SearchPage fiction = index.search(
                new SearchCriteria(null, null, "Fiction", null, null, null, null, null, SortOrder.NEWEST, 0, 20));

        assertThat(index.search(new SearchCriteria(
                        " ", null, " fiction ", null, null, null, null, null, SortOrder.RELEVANCE, 0, 20)))
                .isSameAs(fiction);
        assertThat(cacheGets("hit")).isEqualTo(1);
    }

    @Test
    void withoutRoomForResultsEverySearchGoesToLucene() throws Exception {
        try (BookIndex uncached = new BookIndex(0)) {
            uncached.putAll(List.of(warAndPeace, artOfWar));

            SearchPage first = uncached.search(SearchCriteria.text("war"));
            SearchPage again = uncached.search(SearchCriteria.text("war"));

            assertThat(again).isNotSameAs(first).isEqualTo(first);
        }
    }

    private SearchPage searchedByLucene(SearchCriteria criteria) {
        double misses = cacheGets("miss");
        SearchPage page = index.search(criteria);
        assertThat(cacheGets("miss"))
                .as("a search after a change goes to Lucene")
                .isEqualTo(misses + 1);
        return page;
    }

    private double cacheGets(String result) {
        return metrics.get("cache.gets")
                .tag("cache", "catalog.search")
                .tag("result", result)
                .functionCounter()
                .count();
    }

    private static List<String> ids(SearchPage page) {
        return page.items().stream().map(BookHit::id).toList();
    }

    private List<String> ids(String q) {
        return index.search(SearchCriteria.text(q)).items().stream()
                .map(BookHit::id)
                .toList();
    }

    private static SearchCriteria criteria(String q, SortOrder sort, String language, int page, int size) {
        return new SearchCriteria(q, null, null, null, language, null, null, null, sort, page, size);
    }

    private static String id(Book book) {
        return book.id().toString();
    }

    static Book book(
            String isbn,
            String title,
            String author,
            String language,
            String category,
            long price,
            String published,
            int stock) {
        return book(isbn, title, author, language, category, price, published, stock, null);
    }

    static Book book(
            String isbn,
            String title,
            String author,
            String language,
            String category,
            long price,
            String published,
            int stock,
            String description) {
        BookDetails details = new BookDetails(
                title,
                null,
                List.of(author),
                null,
                null,
                PublicationDate.parse(published),
                language,
                List.of(category),
                null,
                null,
                null,
                description,
                null);
        return Book.restore(
                new BookId(UUID.randomUUID()),
                0,
                new Isbn(isbn),
                details,
                Money.cny(price),
                BookStatus.ACTIVE,
                Availability.initial(stock),
                Sales.NONE,
                T,
                T);
    }

    /** The book with a count of {@code units} copies, each sold by a sale of its own. */
    static Book sold(Book book, long units) {
        return counted(book, units, units);
    }

    private static Book counted(Book book, long units, long revision) {
        return book.withFigures(book.availability(), new Sales(units, revision));
    }

    static Book restored(Book book, long version, BookStatus status, Availability availability) {
        return Book.restore(
                book.id(),
                version,
                book.isbn(),
                book.details(),
                book.price(),
                status,
                availability,
                book.sales(),
                book.createdAt(),
                book.updatedAt());
    }
}
