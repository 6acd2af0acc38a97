package bookstore.systemtests.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.systemtests.support.Books;
import bookstore.systemtests.support.Client;
import bookstore.systemtests.support.Shop;
import bookstore.systemtests.support.SystemTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A book an admin adds is found by customers, through the gateway, within two seconds. */
@SystemTest
class CatalogueSearchSystemTests {

    private static final Duration FINDABLE_WITHIN = Duration.ofSeconds(2);

    private final Shop shop;
    private final Client visitor;

    CatalogueSearchSystemTests(Shop shop) {
        this.shop = shop;
        this.visitor = shop.client();
    }

    @Test
    void aNewChineseBookIsFoundByAWordInsideItsTitleByItsAuthorAndByItsIsbn() {
        Map<String, Object> book = Books.book("灯塔下的黑暗森林", List.of("欧阳晓岚"), 4_200, 5);
        book.put("language", "zh");
        String isbn = (String) book.get("isbn");

        String id = Books.add(shop, book).get("id").asString();

        awaitFound("森林", id);
        awaitFound("欧阳晓岚", id);
        awaitFound(isbn, id);
        awaitFound(Books.hyphenated(isbn), id);
        JsonNode byIsbn = search(Books.hyphenated(isbn));
        assertThat(byIsbn.get("total").asLong()).isEqualTo(1);
        assertThat(byIsbn.get("items").get(0).get("title").asString()).isEqualTo("灯塔下的黑暗森林");
    }

    @Test
    void aNewEnglishBookIsFoundDespiteAOneLetterTypo() {
        String id = Books.add(
                        shop, Books.book("The Cartographer of Quiet Harbours", List.of("Imogen Thistlewood"), 6_800, 5))
                .get("id")
                .asString();

        awaitFound("Cartogrpher", id);
        awaitFound("Thistlewod", id);
    }

    @Test
    void resultsComeRankedTitleBeforeDescriptionWithFacetCounts() {
        String word = "Zephyrine";
        Map<String, Object> inDescription = Books.book("A Quiet Almanac", List.of("Mara Quill"), 3_900, 5);
        inDescription.put("description", "An almanac that mentions " + word + " once, in passing.");
        String mentioned = Books.add(shop, inDescription).get("id").asString();
        String titled = Books.add(shop, Books.book(word + " Rising", List.of("Mara Quill"), 5_900, 5))
                .get("id")
                .asString();

        await().atMost(FINDABLE_WITHIN.multipliedBy(2)).untilAsserted(() -> {
            JsonNode page = search(word);
            assertThat(page.get("items").findValuesAsString("id")).containsExactly(titled, mentioned);
            assertThat(page.get("total").asLong()).isEqualTo(2);
            JsonNode categories = page.get("facets").get("category");
            assertThat(categories.get(0).get("value").asString()).isEqualTo("Testing");
            assertThat(categories.get(0).get("count").asLong()).isEqualTo(2);
            assertThat(page.get("facets").get("author").get(0).get("value").asString())
                    .isEqualTo("Mara Quill");
        });
    }

    private void awaitFound(String query, String bookId) {
        await("'" + query + "' finds " + bookId)
                .atMost(FINDABLE_WITHIN)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> search(query).get("items").findValuesAsString("id").contains(bookId));
    }

    private JsonNode search(String query) {
        return visitor.get("/api/books?size=100&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
                .expect(200)
                .json();
    }
}
