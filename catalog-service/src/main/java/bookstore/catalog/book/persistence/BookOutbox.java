package bookstore.catalog.book.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import bookstore.events.Topics;
import bookstore.platform.messaging.OutgoingEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The relay's view of the books' outbox: which events wait, and forgetting those that were published. */
@Component
public class BookOutbox {

    private final ReactiveMongoTemplate mongo;

    BookOutbox(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Events waiting to be published, of at most {@code books} books; each book's events in the order
     * they were stored, which is the order they must be published in.
     */
    public Mono<List<OutgoingEvent>> pending(int books) {
        // Every pending event has an eventId, so this finds exactly the books with pending events, and
        // real MongoDB answers it from the sparse index on pendingEvents.eventId instead of a scan.
        Query waiting = query(where("pendingEvents.eventId").exists(true)).limit(books);
        waiting.fields().include("_id", "pendingEvents");
        return mongo.find(waiting, PendingBook.class, BookDocument.COLLECTION)
                .concatMapIterable(book -> book.pendingEvents().stream()
                        .map(event -> new OutgoingEvent(
                                UUID.fromString(event.eventId()),
                                Topics.CATALOG_BOOKS.name(),
                                book.id(),
                                event.type(),
                                event.payload().getBytes(StandardCharsets.UTF_8),
                                event.occurredAt(),
                                event.traceparent()))
                        .toList())
                .collectList();
    }

    /** A book as far as the relay cares. */
    record PendingBook(@Id String id, List<BookDocument.PendingEvent> pendingEvents) {}

    /** Removes exactly the given events from their books; events stored since stay pending. */
    public Mono<Void> published(List<OutgoingEvent> events) {
        Map<String, List<String>> idsByBook = events.stream()
                .collect(Collectors.groupingBy(
                        OutgoingEvent::key,
                        Collectors.mapping(event -> event.eventId().toString(), Collectors.toList())));
        return Flux.fromIterable(idsByBook.entrySet())
                .concatMap(book -> mongo.updateFirst(
                        query(where("_id").is(book.getKey())),
                        new Update()
                                .pull("pendingEvents", new Document("eventId", new Document("$in", book.getValue()))),
                        BookDocument.class))
                .then();
    }
}
