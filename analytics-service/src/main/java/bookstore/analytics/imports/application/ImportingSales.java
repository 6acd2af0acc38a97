package bookstore.analytics.imports.application;

import bookstore.analytics.imports.domain.ImportSummary;
import bookstore.analytics.imports.domain.PastSale;
import bookstore.analytics.imports.domain.PastSalesFile;
import bookstore.analytics.query.Globals;
import bookstore.analytics.streams.ShopCalendar;
import bookstore.events.Money;
import bookstore.events.Topics;
import bookstore.events.analytics.SaleImported;
import bookstore.platform.messaging.EventCodec;
import bookstore.platform.messaging.EventPublisher;
import bookstore.platform.messaging.OutgoingEvent;
import bookstore.platform.privacy.CustomerPseudonym;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.springframework.kafka.KafkaException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Imports past sales: reads a file of them line by line, checks every line against the catalogue, and only when
 * all are valid publishes each as a {@link SaleImported} on {@code sales.imports.v1}, waiting for Kafka to
 * acknowledge them. Analytics then counts them from the topic like any sale; nothing is written into its stores.
 *
 * <p>The same file always gives the same events (ids from its content and line numbers), so an import that Kafka
 * interrupted, or one made twice, can simply be made again.
 */
@Service
public class ImportingSales {

    /**
     * Events handed to Kafka at a time: bounded memory for their JSON (about 10 MB), few pauses waiting for a
     * batch's acknowledgements, and a prefix of the file known to be published.
     */
    static final int BATCH = 10_000;

    static final String CURRENCY = "CNY";
    private static final String ORDER_PREFIX = "import:";

    private final Globals globals;
    private final ShopCalendar calendar;
    private final EventPublisher publisher;
    private final EventCodec codec;
    private final CustomerPseudonym pseudonyms;

    ImportingSales(
            Globals globals,
            ShopCalendar calendar,
            EventPublisher publisher,
            EventCodec codec,
            ImportProperties properties) {
        this.globals = globals;
        this.calendar = calendar;
        this.publisher = publisher;
        this.codec = codec;
        this.pseudonyms = new CustomerPseudonym(properties.importPseudonymKey());
    }

    /**
     * Imports the lines of a file (without their line breaks, the header first).
     *
     * @return what was imported, once Kafka acknowledged every event
     * @throws ImportRefusedException (as the Mono's error) for a file with problems: nothing was published
     * @throws ImportInterruptedException when Kafka stopped taking the events part way
     * @throws InvalidStateStoreException when the catalogue's books cannot be read yet (Kafka Streams starting)
     */
    public Mono<ImportSummary> importLines(Flux<String> lines) {
        return Mono.fromCallable(this::bookIdsByIsbn)
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(isbns -> lines.publishOn(Schedulers.boundedElastic())
                        .collect(() -> new PastSalesFile(isbns, Instant.now(), calendar.zone()), PastSalesFile::read))
                .flatMap(file -> file.isAcceptable()
                        ? publish(file)
                        : Mono.error(
                                new ImportRefusedException(file.problems(), file.problemCount(), file.isUnreadable())));
    }

    /** One pass over the global books store (blocking: RocksDB). */
    private Map<String, String> bookIdsByIsbn() {
        Map<String, String> ids = new HashMap<>();
        globals.allBooks().values().forEach(book -> {
            if (book.isbn() != null) {
                ids.put(book.isbn(), book.bookId());
            }
        });
        return ids;
    }

    private Mono<ImportSummary> publish(PastSalesFile file) {
        ImportSummary summary = file.summary();
        List<PastSale> sales = file.sales();
        Instant importedAt = Instant.now();
        // One HMAC per customer rather than per line; read and written by one batch at a time (concatMap).
        Map<String, String> pseudonymOf = new HashMap<>();
        int batches = (sales.size() + BATCH - 1) / BATCH;
        return Flux.range(0, batches)
                .concatMap(batch -> {
                    int first = batch * BATCH;
                    List<OutgoingEvent> events = sales.subList(first, Math.min(sales.size(), first + BATCH)).stream()
                            .map(sale -> OutgoingEvent.of(
                                    Topics.SALES_IMPORTS,
                                    event(summary.importId(), sale, importedAt, pseudonymOf),
                                    codec))
                            .toList();
                    // A send the producer refuses at once (a record too large, no metadata within max.block.ms) is
                    // thrown rather than counted: then only the earlier batches are known to be published.
                    return Mono.defer(() -> publisher.publish(events))
                            .onErrorMap(
                                    KafkaException.class, e -> new ImportInterruptedException(first, sales.size(), e))
                            .flatMap(sent -> sent == events.size()
                                    ? Mono.just(sent)
                                    : Mono.error(new ImportInterruptedException(first + sent, sales.size(), null)));
                })
                .then(Mono.just(summary));
    }

    private SaleImported event(String importId, PastSale sale, Instant importedAt, Map<String, String> pseudonymOf) {
        return new SaleImported(
                PastSalesFile.eventIdOf(importId, sale),
                importedAt,
                ORDER_PREFIX + sale.orderRef(),
                importId,
                sale.bookId(),
                sale.isbn(),
                sale.quantity(),
                new Money(sale.unitPrice(), CURRENCY),
                pseudonymOf.computeIfAbsent(sale.customerRef(), pseudonyms::of),
                sale.orderedAt());
    }
}
