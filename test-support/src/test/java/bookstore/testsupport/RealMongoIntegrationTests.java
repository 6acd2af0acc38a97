package bookstore.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.test.StepVerifier;

@SpringBootTest
@RealMongo
class RealMongoIntegrationTests {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Value("${spring.mongodb.database}")
    String database;

    @Test
    void usesTheContextsOwnDatabase() {
        StepVerifier.create(mongo.getMongoDatabase())
                .assertNext(used ->
                        assertThat(used.getName()).isEqualTo(database).startsWith("real_mongo_integration_tests_"))
                .verifyComplete();
    }

    @Test
    void storesAndFindsDocuments() {
        Document book = new Document("_id", "b-42").append("title", "活着");

        StepVerifier.create(mongo.insert(book, "books")
                        .then(mongo.findOne(Query.query(Criteria.where("title").is("活着")), Document.class, "books")))
                .assertNext(found -> assertThat(found.getString("_id")).isEqualTo("b-42"))
                .verifyComplete();
    }

    @SpringBootConfiguration
    @ImportAutoConfiguration({MongoReactiveAutoConfiguration.class, DataMongoReactiveAutoConfiguration.class})
    static class Application {}
}
