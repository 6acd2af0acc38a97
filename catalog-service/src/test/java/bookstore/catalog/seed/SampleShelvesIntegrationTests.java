package bookstore.catalog.seed;

import static org.assertj.core.api.Assertions.assertThat;

import bookstore.catalog.book.application.Books;
import bookstore.catalog.search.application.BookHit;
import bookstore.catalog.search.application.SearchCriteria;
import bookstore.catalog.search.application.SearchingBooks;
import bookstore.testsupport.RealKafka;
import bookstore.testsupport.RealMongo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The local run's sample shelves: seeded into an empty catalogue, and only into an empty one. */
@SpringBootTest(properties = "bookstore.catalog.seed=true")
@RealMongo
@RealKafka
class SampleShelvesIntegrationTests {

    @Autowired
    Books books;

    @Autowired
    SampleShelves shelves;

    @Autowired
    SearchingBooks searching;

    @Test
    void emptyCatalogueIsSeededOnceAndTheBooksAreSearchable() throws Exception {
        long seeded = books.count().block();
        assertThat(seeded).isEqualTo(SampleShelves.read().size());

        shelves.run(null);

        assertThat(books.count().block()).as("a second run adds nothing").isEqualTo(seeded);
        assertThat(searching.search(SearchCriteria.text("红楼梦")).block().items())
                .extracting(BookHit::title)
                .contains("红楼梦");
        assertThat(searching.search(SearchCriteria.text("曹雪芹")).block().items())
                .extracting(BookHit::title)
                .contains("红楼梦");
        assertThat(searching
                        .search(SearchCriteria.text("Pride Prejudice"))
                        .block()
                        .items())
                .extracting(BookHit::title)
                .first()
                .isEqualTo("Pride and Prejudice");
    }
}
