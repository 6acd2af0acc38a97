package bookstore.catalog.book.web;

import bookstore.catalog.book.application.AddingBooks;
import bookstore.catalog.book.application.BookDraft;
import bookstore.catalog.book.application.CatalogueQuery;
import bookstore.catalog.book.application.DiscontinuingBooks;
import bookstore.catalog.book.application.FindingBooks;
import bookstore.catalog.book.application.RevisingBooks;
import bookstore.catalog.book.domain.Book;
import bookstore.catalog.book.domain.BookId;
import bookstore.catalog.book.domain.InvalidBookException;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.net.URI;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Managing and listing the catalogue (admins) and reading one book (anyone). Search lives in the search package. Who
 * may call what is decided in {@code config.SecurityConfiguration}.
 */
@RestController
@RequestMapping("/api/books")
@Tag(name = "books", description = "A book and its availability; adding, editing and discontinuing books (admins)")
class BookController {

    private final AddingBooks adding;
    private final RevisingBooks revising;
    private final DiscontinuingBooks discontinuing;
    private final FindingBooks finding;
    private final JsonMapper json;
    private final Validator validator;

    BookController(
            AddingBooks adding,
            RevisingBooks revising,
            DiscontinuingBooks discontinuing,
            FindingBooks finding,
            JsonMapper json,
            Validator validator) {
        this.adding = adding;
        this.revising = revising;
        this.discontinuing = discontinuing;
        this.finding = finding;
        this.json = json;
        this.validator = validator;
    }

    @PostMapping
    Mono<ResponseEntity<BookResource>> add(@Valid @RequestBody BookRequest request) {
        return Mono.fromCallable(request::toDraft)
                .flatMap(draft -> adding.add(draft, request.initialStockOrZero()))
                .map(book -> ResponseEntity.created(URI.create("/api/books/" + book.id()))
                        .eTag(Versions.etag(book))
                        .body(BookResource.of(book)));
    }

    /**
     * Every book, discontinued ones too, for the admin console: most recently updated first, optionally only those of
     * one status or matching a text (see {@link CatalogueQuery}). A literal path, so more specific than {@code /{id}}.
     */
    @GetMapping("/catalogue")
    Mono<PageResource<BookResource>> catalogue(@Valid CatalogueParameters parameters) {
        return finding.catalogue(parameters.toQuery())
                .map(found -> new PageResource<>(
                        found.items().stream().map(BookResource::of).toList(),
                        found.page(),
                        found.size(),
                        found.total()));
    }

    @GetMapping("/{id}")
    Mono<ResponseEntity<BookResource>> byId(@PathVariable String id) {
        return Mono.fromCallable(() -> BookId.parse(id)).flatMap(finding::byId).map(BookController::withVersion);
    }

    @PutMapping("/{id}")
    Mono<ResponseEntity<BookResource>> replace(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody BookRequest request) {
        return Mono.fromCallable(() -> {
                    BookId bookId = BookId.parse(id);
                    long version = Versions.fromIfMatch(ifMatch);
                    rejectStock(request);
                    return revising.replace(bookId, version, request.toDraft());
                })
                .flatMap(revision -> revision)
                .map(BookController::withVersion);
    }

    /** In the OpenAPI document: a new price, and no subtitle any more. */
    private static final String PATCH_EXAMPLE =
            "{\"price\": {\"amount\": 5900, \"currency\": \"CNY\"}, \"subtitle\": null}";

    /** A JSON Merge Patch of the book's admin-editable fields; the result must be a valid book. */
    @PatchMapping(
            path = "/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    Mono<ResponseEntity<BookResource>> patch(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            description = "The fields to change; null removes an optional one (RFC 7396)",
                            content = {
                                @Content(
                                        mediaType = "application/merge-patch+json",
                                        examples =
                                                @ExampleObject(
                                                        name = "new-price",
                                                        summary = "A new price, and no subtitle any more",
                                                        value = PATCH_EXAMPLE)),
                                @Content(
                                        mediaType = "application/json",
                                        examples =
                                                @ExampleObject(
                                                        name = "new-price",
                                                        summary = "A new price, and no subtitle any more",
                                                        value = PATCH_EXAMPLE))
                            })
                    @RequestBody
                    JsonNode patch) {
        return Mono.fromCallable(() -> {
                    BookId bookId = BookId.parse(id);
                    long version = Versions.fromIfMatch(ifMatch);
                    if (!patch.isObject()) {
                        throw new ServerWebInputException("A merge patch of a book is a JSON object.");
                    }
                    return revising.revise(bookId, version, current -> patched(current, patch));
                })
                .flatMap(revision -> revision)
                .map(BookController::withVersion);
    }

    /** Discontinues the book: it leaves search and can no longer be ordered, but stays readable by id. */
    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> discontinue(
            @PathVariable String id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return Mono.fromCallable(() -> discontinuing.discontinue(BookId.parse(id), Versions.fromIfMatch(ifMatch)))
                .flatMap(discontinued -> discontinued)
                .map(book ->
                        ResponseEntity.noContent().eTag(Versions.etag(book)).build());
    }

    private BookDraft patched(Book current, JsonNode patch) {
        BookRequest request;
        try {
            JsonNode merged = MergePatch.apply(json.valueToTree(BookRequest.of(current)), patch);
            request = json.treeToValue(merged, BookRequest.class);
        } catch (JacksonException e) {
            throw new ServerWebInputException("The patch does not fit a book.", null, e);
        }
        Set<ConstraintViolation<BookRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        rejectStock(request);
        return request.toDraft();
    }

    private static void rejectStock(BookRequest request) {
        if (request.initialStock() != null) {
            throw new InvalidBookException(
                    "initialStock", "stock is set when a book is added; afterwards inventory manages it");
        }
    }

    private static ResponseEntity<BookResource> withVersion(Book book) {
        return ResponseEntity.ok().eTag(Versions.etag(book)).body(BookResource.of(book));
    }
}
