package bookstore.catalog.search.messaging;

import static bookstore.catalog.BookJson.book;
import static org.assertj.core.api.Assertions.assertThat;

import bookstore.catalog.CatalogServiceApplication;
import bookstore.catalog.CatalogueApi;
import bookstore.catalog.CatalogueIntegrationTest;
import bookstore.catalog.TestIsbns;
import bookstore.catalog.search.application.BookHit;
import bookstore.catalog.search.application.SearchCriteria;
import bookstore.catalog.search.application.SearchPage;
import bookstore.catalog.search.application.SearchingBooks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The search index is rebuilt from MongoDB when a replica (re)starts: nothing is lost with the process. */
@CatalogueIntegrationTest
class IndexRebuildIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    Environment environment;

    @Test
    void restartedReplicaFindsBooksStoredBeforeItStarted() {
        String title = "Survivor of Restarts " + System.nanoTime();
        String id = new CatalogueApi(http).add(book(TestIsbns.next(), title, "Durable Author", "en"));

        // A second replica on the same database starts with an empty index and reads the topics only
        // from their end: it can find the book only by rebuilding from MongoDB.
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(CatalogServiceApplication.class)
                .run(
                        "--spring.mongodb.uri=" + environment.getProperty("spring.mongodb.uri"),
                        "--spring.mongodb.database=" + environment.getProperty("spring.mongodb.database"),
                        "--spring.kafka.bootstrap-servers=" + environment.getProperty("spring.kafka.bootstrap-servers"),
                        "--spring.application.name=catalog-service-restarted",
                        "--server.port=0")) {
            SearchPage page = restarted
                    .getBean(SearchingBooks.class)
                    .search(SearchCriteria.text(title))
                    .block();

            assertThat(page.items()).extracting(BookHit::id).containsExactly(id);
        }
    }
}
