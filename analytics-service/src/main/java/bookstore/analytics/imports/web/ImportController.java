package bookstore.analytics.imports.web;

import bookstore.analytics.imports.application.ImportingSales;
import bookstore.analytics.imports.domain.ImportSummary;
import bookstore.analytics.streams.ShopCalendar;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.StringDecoder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Imports of past sales (admins only, as all of analytics): a CSV body of order lines, read as it streams in and
 * checked whole before anything is published.
 */
@RestController
@RequestMapping("/api/analytics/imports")
@Tag(name = "imports", description = "Past sales imported from a CSV file (admins)")
class ImportController {

    static final String TEXT_CSV = "text/csv";

    /** Lines split as they arrive; a line longer than this is no line of past sales. */
    private static final int MAX_LINE_BYTES = 64 * 1024;

    private static final StringDecoder LINES = lineDecoder();

    private final ImportingSales importing;
    private final ShopCalendar calendar;

    ImportController(ImportingSales importing, ShopCalendar calendar) {
        this.importing = importing;
        this.calendar = calendar;
    }

    /**
     * Answers 202 once Kafka has acknowledged every line's event; analytics counts them shortly after. The body is
     * UTF-8 (a charset parameter naming another is refused).
     */
    @Operation(
            summary = "Import past sales: a CSV of order lines from the system before this one",
            description = "UTF-8 CSV whose first line names the columns order_ref, ordered_at (ISO-8601 with an offset,"
                    + " or a local date-time on the shop's calendar), isbn (ISBN-13 of a catalogue book), quantity"
                    + " (1-10000), unit_price (yuan, at most 2 decimals) and customer_ref (the old system's, never"
                    + " stored: only a pseudonym of it is published). Every line is checked first; any problem is a"
                    + " 400/422 listing the first 50 with their line numbers, and nothing is imported. Otherwise each"
                    + " line becomes a SaleImported on sales.imports.v1, answered 202 once Kafka has them all. The same"
                    + " file always gives the same events, so importing it again (after a 503, say) counts nothing"
                    + " twice.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = TEXT_CSV,
                                            schema =
                                                    @Schema(
                                                            type = "string",
                                                            example = "order_ref,ordered_at,isbn,quantity,unit_price,"
                                                                    + "customer_ref\nSO-1,2024-11-11T20:15:00+08:00,"
                                                                    + "9787572610912,1,45.80,M000123\n"))))
    @PostMapping(consumes = TEXT_CSV)
    Mono<ResponseEntity<ImportResource>> importSales(
            @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType, @RequestBody Flux<DataBuffer> body) {
        if (contentType.getCharset() != null && !StandardCharsets.UTF_8.equals(contentType.getCharset())) {
            return Mono.error(new UnsupportedMediaTypeStatusException(
                    contentType, List.of(MediaType.parseMediaType(TEXT_CSV + ";charset=UTF-8"))));
        }
        Flux<String> lines = LINES.decode(
                body,
                ResolvableType.forClass(String.class),
                new MediaType("text", "csv", StandardCharsets.UTF_8),
                Map.of());
        return importing.importLines(lines).map(summary -> ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(ImportResource.of(summary, calendar)));
    }

    private static StringDecoder lineDecoder() {
        StringDecoder decoder = StringDecoder.allMimeTypes(List.of("\r\n", "\n"), true);
        decoder.setMaxInMemorySize(MAX_LINE_BYTES);
        return decoder;
    }

    /**
     * What an import brought.
     *
     * @param importId the same for the same file
     * @param from the earliest sale, on the shop's calendar
     * @param to the latest sale, on the shop's calendar
     */
    record ImportResource(
            String importId, int lines, int orders, int books, int customers, OffsetDateTime from, OffsetDateTime to) {

        static ImportResource of(ImportSummary summary, ShopCalendar calendar) {
            return new ImportResource(
                    summary.importId(),
                    summary.lines(),
                    summary.orders(),
                    summary.books(),
                    summary.customers(),
                    summary.from() == null
                            ? null
                            : summary.from().atZone(calendar.zone()).toOffsetDateTime(),
                    summary.to() == null
                            ? null
                            : summary.to().atZone(calendar.zone()).toOffsetDateTime());
        }
    }
}
