package bookstore.catalog.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import bookstore.catalog.book.domain.Availability;
import bookstore.catalog.book.domain.Book;
import bookstore.catalog.book.domain.BookStatus;
import bookstore.catalog.search.application.BookHit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Books alike in content (MoreLikeThis on the search index), the summaries by id and the bestsellers, without Spring. */
class SimilarBooksTests {

    BookIndex index;

    Book threeBody = book("9787536692930", "三体", "刘慈欣", "科幻", 5, "文化大革命中，天体物理学家叶文洁向宇宙发出了人类的信号，三体文明由此得知地球的存在。");
    Book ballLightning = book("9787536693968", "球状闪电", "刘慈欣", "长篇小说", 3, "一个少年目睹父母被球状闪电化为灰烬，从此追寻它的秘密。");
    Book foundation = book("9787539981796", "银河帝国：基地", "阿西莫夫", "科幻", 4, "心理史学家谢顿预言银河帝国即将崩溃，建立了基地以缩短黑暗时代。");
    Book toLive = book("9787506365437", "活着", "余华", "当代文学", 9, "讲述了在大时代背景下，一个中国人和他的家庭的一生。");
    Book wanderingEarthSoldOut = book("9787536671980", "流浪地球", "刘慈欣", "科幻", 0, "太阳即将氦闪，人类推着地球离开太阳系。");

    Book hobbit = book(
            "9780547928227",
            "The Hobbit",
            "J.R.R. Tolkien",
            "Fantasy",
            6,
            "Bilbo Baggins, a hobbit, is swept into a quest for a dragon's treasure with thirteen dwarves.");
    Book fellowship = book(
            "9780547928210",
            "The Fellowship of the Ring",
            "J.R.R. Tolkien",
            "Fantasy",
            2,
            "Frodo, a young hobbit, inherits the One Ring and sets out on a quest to destroy it.");
    Book earthsea = book(
            "9780547773742", "A Wizard of Earthsea", "Ursula K. Le Guin", "Fantasy", 3, "A young wizard on a quest.");
    Book cookbook = book(
            "9780393081084",
            "Salt, Fat, Acid, Heat",
            "Samin Nosrat",
            "Cooking",
            8,
            "Cooking is a quest for balance: four elements of good food.");

    @BeforeEach
    void indexFixture() {
        index = new BookIndex();
        index.putAll(List.of(
                threeBody,
                ballLightning,
                foundation,
                toLive,
                wanderingEarthSoldOut,
                hobbit,
                fellowship,
                earthsea,
                cookbook));
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    @Test
    void findsTheAuthorsAndTheCategorysBooksBeforeAnUnrelatedOneInChinese() {
        List<String> similar = ids(index.similar(threeBody, Set.of(), 10));

        assertThat(similar).startsWith(id(ballLightning)).contains(id(foundation));
        assertThat(similar).doesNotContain(id(threeBody)).doesNotContain(id(wanderingEarthSoldOut));
        assertThat(similar.indexOf(id(toLive)))
                .as("an unrelated book, if it shares a word at all, comes after the author's and the category's")
                .satisfiesAnyOf(position -> assertThat(position).isEqualTo(-1), position -> assertThat(position)
                        .isGreaterThan(similar.indexOf(id(foundation))));
    }

    @Test
    void findsTheAuthorsBookFirstThenTheCategorysBeforeOneThatOnlySharesAWordInEnglish() {
        List<String> similar = ids(index.similar(hobbit, Set.of(), 10));

        assertThat(similar).containsSubsequence(id(fellowship), id(earthsea), id(cookbook));
        assertThat(similar).doesNotContain(id(hobbit));
    }

    @Test
    void leavesOutTheBooksAskedToAndHonoursTheLimit() {
        assertThat(ids(index.similar(hobbit, Set.of(id(fellowship)), 10)))
                .doesNotContain(id(fellowship))
                .startsWith(id(earthsea));
        assertThat(index.similar(hobbit, Set.of(), 1)).hasSize(1);
    }

    @Test
    void findsBooksLikeADiscontinuedBookThoughItIsNoLongerInTheIndex() {
        Book discontinued = restored(hobbit, 1, BookStatus.DISCONTINUED, hobbit.availability());
        index.put(discontinued);

        assertThat(ids(index.similar(discontinued, Set.of(), 10))).startsWith(id(fellowship));
        assertThat(ids(index.similar(fellowship, Set.of(), 10))).doesNotContain(id(hobbit));
    }

    @Test
    void findsNothingForABookThatSharesNothingWithAnother() {
        Book loner = book("9780000000002", "Zyzzyva", "Nobody Atall", "Entomology", 1, null);
        index.put(loner);

        assertThat(index.similar(loner, Set.of(), 10)).isEmpty();
    }

    @Test
    void summariesAreTheBooksOnSaleInTheOrderAskedForInStockOrNot() {
        String unknown = UUID.randomUUID().toString();

        assertThat(ids(index.summaries(List.of(id(fellowship), unknown, id(wanderingEarthSoldOut), id(hobbit)))))
                .containsExactly(id(fellowship), id(wanderingEarthSoldOut), id(hobbit));
        assertThat(index.summaries(List.of(id(wanderingEarthSoldOut)))
                        .getFirst()
                        .availability()
                        .inStock())
                .isFalse();

        index.put(restored(fellowship, 1, BookStatus.DISCONTINUED, fellowship.availability()));
        assertThat(ids(index.summaries(List.of(id(fellowship), id(hobbit))))).containsExactly(id(hobbit));
    }

    @Test
    void bestsellersAreInStockMostSoldFirstWithoutThoseLeftOut() {
        index.putAll(
                List.of(sold(cookbook, 40), sold(toLive, 25), sold(fellowship, 10), sold(wanderingEarthSoldOut, 90)));

        assertThat(ids(index.bestsellers(Set.of(), 3))).containsExactly(id(cookbook), id(toLive), id(fellowship));
        assertThat(ids(index.bestsellers(Set.of(id(cookbook)), 2))).containsExactly(id(toLive), id(fellowship));
    }

    private static List<String> ids(List<BookHit> hits) {
        return hits.stream().map(BookHit::id).toList();
    }

    private static String id(Book book) {
        return book.id().toString();
    }

    private static Book restored(Book book, long version, BookStatus status, Availability availability) {
        return BookIndexTests.restored(book, version, status, availability);
    }

    private static Book sold(Book book, long units) {
        return BookIndexTests.sold(book, units);
    }

    /** A book of 2010 at ¥28, in Chinese if its title is. */
    private static Book book(String isbn, String title, String author, String category, int stock, String description) {
        return BookIndexTests.book(
                isbn, title, author, Queries.hasHan(title) ? "zh" : "en", category, 2_800, "2010", stock, description);
    }
}
