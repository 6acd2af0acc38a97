package bookstore.platform.deadletters;

import bookstore.platform.deadletters.RedrivingDeadLetters.Listing;
import bookstore.platform.deadletters.RedrivingDeadLetters.RedriveAnswer;
import bookstore.platform.paging.PageWindow;
import bookstore.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The service's dead letters, for admins: {@code /api/dead-letters/<application>}, so the gateway routes each
 * service's by its name. A dead letter is named by where it lies: {@code /{topic}/{partition}/{offset}} of its
 * dead-letter topic, as the listing shows it.
 */
@RestController
@RequestMapping(DeadLettersController.PATH)
@Validated
@Tag(name = "dead-letters", description = "Records this service's consumer groups gave up on: list, inspect, re-drive")
class DeadLettersController {

    static final String PATH = "/api/dead-letters/${spring.application.name}";

    private final RedrivingDeadLetters deadLetters;

    DeadLettersController(RedrivingDeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /**
     * The dead letters of the service's consumer groups, newest first. {@code topic} is the topic they came from
     * (e.g. {@code orders.events.v1}), {@code group} a consumer group of the service, {@code redriven} true for those
     * re-driven and false for those still waiting.
     */
    @GetMapping
    @Operation(
            operationId = "listDeadLetters",
            summary = "The dead letters of this service's consumer groups, newest first")
    Mono<Listing> list(
            @RequestParam(required = false) @Size(min = 1, max = 249) String topic,
            @RequestParam(required = false) @Size(min = 1, max = 255) String group,
            @RequestParam(required = false) Boolean redriven,
            @RequestParam(defaultValue = "0") @Min(0) @Max(value = PageWindow.MAX_PAGE, message = PageWindow.BEYOND)
                    int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return Mono.defer(() -> deadLetters.list(topic, group, redriven, page, size));
    }

    /** One dead letter: its summary, every header and the payload, as text. */
    @GetMapping("/{topic}/{partition}/{offset}")
    @Operation(
            operationId = "inspectDeadLetter",
            summary = "One dead letter (at its dead-letter topic, partition and offset) with its headers and payload")
    Mono<DeadLetterDetail> inspect(
            @PathVariable @Size(min = 1, max = 249) String topic,
            @PathVariable @Min(0) int partition,
            @PathVariable @Min(0) long offset) {
        return deadLetters.inspect(new DeadLetterId(topic, partition, offset));
    }

    /**
     * Hands the dead letter to the handler of the consumer group that gave up on it, and to no other group; with
     * {@code dryRun=true} says what that would do and changes nothing. A dead letter re-driven before is refused
     * (409) unless {@code force=true}. A handler that fails again leaves it dead-lettered and the answer says why.
     */
    @PostMapping("/{topic}/{partition}/{offset}/redrive")
    @Operation(
            operationId = "redriveDeadLetter",
            summary = "Hands a dead letter to the handler of the group that gave up on it, or says what that would do")
    Mono<RedriveAnswer> redrive(
            @PathVariable @Size(min = 1, max = 249) String topic,
            @PathVariable @Min(0) int partition,
            @PathVariable @Min(0) long offset,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(defaultValue = "false") boolean force) {
        DeadLetterId id = new DeadLetterId(topic, partition, offset);
        return CurrentUser.id().flatMap(admin -> deadLetters.redrive(id, dryRun, force, admin));
    }
}
