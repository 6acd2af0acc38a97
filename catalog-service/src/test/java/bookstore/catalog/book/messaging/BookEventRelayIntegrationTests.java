package bookstore.catalog.book.messaging;

import static bookstore.catalog.BookJson.book;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.catalog.CatalogueApi;
import bookstore.catalog.CatalogueIntegrationTest;
import bookstore.catalog.CatalogueTopic;
import bookstore.catalog.TestIsbns;
import bookstore.events.CloudEvents;
import bookstore.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** The book document is the outbox: its events wait there until the relay has published them. */
@CatalogueIntegrationTest
class BookEventRelayIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    BookEventRelay relay;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void eventStoredWhileTheRelayIsDownIsPublishedWhenItComesBack() {
        try (CatalogueTopic topic = new CatalogueTopic(bootstrapServers, Topics.CATALOG_BOOKS.name())) {
            String id;
            relay.stop();
            try {
                id = new CatalogueApi(http).add(book(TestIsbns.next(), "Patient Event", "An Author", "en"));

                assertThat(pendingEvents(id)).hasSize(1);
                assertThat(topic.typesFor(id)).isEmpty();
            } finally {
                relay.start();
            }

            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(topic.typesFor(id)).containsExactly("bookstore.catalog.BookAdded"));
            await().untilAsserted(() -> assertThat(pendingEvents(id)).isEmpty());
        }
    }

    @Test
    void anEventCarriesTheTraceOfTheRequestThatCausedIt() {
        String traceId = UUID.randomUUID().toString().replace("-", "");

        try (CatalogueTopic topic = new CatalogueTopic(bootstrapServers, Topics.CATALOG_BOOKS.name())) {
            String id = new CatalogueApi(http)
                    .add(
                            book(TestIsbns.next(), "Traced Event", "An Author", "en"),
                            headers -> headers.set(CloudEvents.TRACEPARENT, "00-" + traceId + "-00f067aa0ba902b7-01"));

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(topic.records().stream()
                            .filter(record -> id.equals(record.key()))
                            .map(record -> CatalogueTopic.header(record, CloudEvents.TRACEPARENT)))
                    .singleElement()
                    .asString()
                    .startsWith("00-" + traceId + "-"));
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object> pendingEvents(String id) {
        Document book = mongo.getCollection("books")
                .flatMap(books -> Mono.from(books.find(new Document("_id", id)).first()))
                .block();
        return (List<Object>) book.get("pendingEvents", List.class);
    }
}
