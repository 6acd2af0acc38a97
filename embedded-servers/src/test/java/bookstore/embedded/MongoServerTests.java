package bookstore.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoServerTests {

    @Test
    void findsAnInsertedDocument() {
        try (MongoServer mongo = MongoServer.start();
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> books = client.getDatabase("catalog").getCollection("books");

            books.insertOne(new Document("_id", "b-1").append("title", "围城").append("stock", 3));
            Document found = books.find(Filters.eq("title", "围城")).first();

            assertThat(found).isNotNull();
            assertThat(found.getInteger("stock")).isEqualTo(3);
        }
    }

    @Test
    void answersTheHelloHandshakeThatHealthChecksSend() {
        try (MongoServer mongo = MongoServer.start();
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            Document reply = client.getDatabase("admin").runCommand(new Document("hello", 1));

            assertThat(reply.get("isWritablePrimary")).isEqualTo(true);
            assertThat(reply.getInteger("maxWireVersion")).isPositive();
        }
    }

    @Test
    void keepsDocumentsAcrossARestartOnTheSameDirectory(@TempDir Path directory) {
        try (MongoServer first = MongoServer.start(0, directory);
                MongoClient client = MongoClients.create(first.connectionString())) {
            client.getDatabase("catalog").getCollection("books").insertOne(new Document("_id", "b-2"));
            // The file-backed server answers the health check's handshake too.
            assertThat(client.getDatabase("admin")
                            .runCommand(new Document("hello", 1))
                            .get("isWritablePrimary"))
                    .isEqualTo(true);
        }

        try (MongoServer second = MongoServer.start(0, directory);
                MongoClient client = MongoClients.create(second.connectionString())) {
            assertThat(client.getDatabase("catalog").getCollection("books").countDocuments())
                    .isEqualTo(1);
        }
    }

    @Test
    void forgetsEverythingWhenKeptInMemory() {
        try (MongoServer first = MongoServer.start();
                MongoClient client = MongoClients.create(first.connectionString())) {
            client.getDatabase("catalog").getCollection("books").insertOne(new Document("_id", "b-3"));
        }

        try (MongoServer second = MongoServer.start();
                MongoClient client = MongoClients.create(second.connectionString())) {
            assertThat(client.getDatabase("catalog").getCollection("books").countDocuments())
                    .isZero();
        }
    }
}
