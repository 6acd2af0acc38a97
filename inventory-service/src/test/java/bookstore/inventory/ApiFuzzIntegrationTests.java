package bookstore.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import bookstore.inventory.stock.application.OpeningStock;
import bookstore.testsupport.openapi.ApiFuzzContract;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every operation of the inventory's OpenAPI document, fuzzed with malformed and boundary values as nobody, a customer
 * and an admin: no 5xx, every 4xx the shop's problem, and a refused request moves no copy. A book with stock stands
 * behind every book id, so the damage meets the handlers, not just a 404.
 */
@InventoryServiceTest
class ApiFuzzIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    OpeningStock opening;

    @Autowired
    DatabaseClient database;

    @Test
    void noInputGetsAServerErrorAndEveryRefusalIsAProblem() {
        String bookId = new StockFixtures(opening, database).bookWith(40);

        ApiFuzzContract.Summary fuzzed = ApiFuzzContract.of("inventory-service")
                .callersWithMockedTokens(http)
                .knowing("bookId", bookId)
                .unchangedByRefusals(
                        () -> database.sql("SELECT row(s.*)::text AS stock FROM stock_item s WHERE book_id = :book")
                                .bind("book", bookId)
                                .map(row -> row.get("stock", String.class))
                                .one()
                                .block())
                .triesPerOperation(50)
                .run();

        assertThat(fuzzed.operations()).isEqualTo(12);
    }
}
