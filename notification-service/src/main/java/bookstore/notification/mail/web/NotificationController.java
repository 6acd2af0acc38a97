package bookstore.notification.mail.web;

import bookstore.notification.mail.application.MailQuery;
import bookstore.notification.mail.application.MailView;
import bookstore.notification.mail.application.ViewingMail;
import bookstore.notification.mail.domain.MailKind;
import bookstore.notification.mail.domain.MailStatus;
import bookstore.platform.paging.PageWindow;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/** The mails the shop recorded, for staff: what went to whom and how it went; never a body. */
@RestController
@RequestMapping("/api/notifications")
@Validated
@Tag(name = "notifications", description = "The mail the shop sent and its outcome; retrying a failed one (admins)")
class NotificationController {

    private final ViewingMail viewing;

    NotificationController(ViewingMail viewing) {
        this.viewing = viewing;
    }

    /**
     * Recorded mails, newest first. {@code recipient} is an exact address; {@code kind} and {@code status} name one
     * kind and one status.
     */
    @GetMapping
    Mono<PageResource<MailView>> list(
            @RequestParam(required = false) @Size(min = 3, max = 320) String recipient,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(value = PageWindow.MAX_PAGE, message = PageWindow.BEYOND)
                    int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        PageWindow.check(page, size);
        MailQuery query = new MailQuery(
                recipient, parse(MailKind.class, "kind", kind), parse(MailStatus.class, "status", status));
        return viewing.list(query, page, size)
                .map(found -> new PageResource<>(found.items(), page, size, found.total()));
    }

    /** Sends a FAILED mail again: a new round of attempts starts now (409 for a mail in any other status). */
    @PostMapping("/{id}/retry")
    Mono<MailView> retry(@PathVariable @Min(1) long id) {
        return viewing.retry(id);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            String known =
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw new ServerWebInputException(name + " must be one of " + known + ", not " + value);
        }
    }

    /** A page of a list, as every bookstore API returns lists. */
    record PageResource<T>(List<T> items, int page, int size, long total) {}
}
