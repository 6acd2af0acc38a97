package bookstore.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

@SpringBootTest
@RealPostgres
class RealPostgresIntegrationTests {

    @Autowired
    DatabaseClient database;

    @Value("${spring.r2dbc.url}")
    String r2dbcUrl;

    @Test
    void migratesTheContextsOwnDatabaseWithFlywayAtStartUp() {
        StepVerifier.create(database.sql("SELECT current_database(), count(*) FROM books")
                        .map(row -> row.get(0, String.class) + ":" + row.get(1, Long.class))
                        .one())
                .assertNext(result -> {
                    assertThat(r2dbcUrl).endsWith("/" + result.split(":")[0]);
                    assertThat(result).endsWith(":0");
                })
                .verifyComplete();
    }

    @Test
    void storesAndReadsRowsThroughR2dbcWithAPasswordLogin() {
        StepVerifier.create(database.sql("INSERT INTO books (id, title) VALUES (7, '西游记')")
                        .fetch()
                        .rowsUpdated()
                        .then(database.sql("SELECT title FROM books WHERE id = 7")
                                .map(row -> row.get("title", String.class))
                                .one()))
                .expectNext("西游记")
                .verifyComplete();
    }

    @SpringBootConfiguration
    @ImportAutoConfiguration({R2dbcAutoConfiguration.class, FlywayAutoConfiguration.class})
    static class Application {}
}
