package bookstore.analytics.web;

import bookstore.analytics.query.Gathered;
import bookstore.analytics.query.Instances;
import bookstore.analytics.query.Keyed;
import bookstore.analytics.query.Partial;
import bookstore.analytics.query.Questions;
import bookstore.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * How analytics instances ask each other: this instance's share of a question, from the partitions it holds, or
 * its answer about a key it holds. Admin only, like the rest; instances pass on the caller's token.
 */
@RestController
@RequestMapping("/api/analytics/partials")
@Tag(name = "partials", description = "One instance's share of a report, asked by the instance that answers the caller")
class PartialsController {

    private final Instances instances;

    PartialsController(Instances instances) {
        this.instances = instances;
    }

    @Operation(summary = "This instance's share of a report's question (between analytics instances)")
    @GetMapping("/{question}")
    Mono<Object> share(@PathVariable String question, @RequestParam Map<String, String> parameters) {
        Optional<Gathered<?, ?>> gathered = Questions.gathered(question);
        if (gathered.isPresent()) {
            return Mono.fromCallable(() -> (Object) share(gathered.get(), parameters))
                    .subscribeOn(Schedulers.boundedElastic());
        }
        Keyed<?, ?> keyed = Questions.keyed(question).orElseThrow(() -> unknown(question));
        String key = parameters.get("key");
        if (key == null || key.isBlank()) {
            throw new ErrorResponseException(
                    HttpStatus.BAD_REQUEST,
                    Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request", "key is required."),
                    null);
        }
        Map<String, String> rest = new HashMap<>(parameters);
        rest.remove("key");
        return Mono.fromCallable(() -> Optional.ofNullable((Object) instances.local(keyed, key, rest)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::justOrEmpty);
    }

    private <V, R> Partial<R> share(Gathered<V, R> question, Map<String, String> parameters) {
        return instances.local(question, parameters);
    }

    private static ErrorResponseException unknown(String question) {
        return new ErrorResponseException(
                HttpStatus.NOT_FOUND,
                Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "No question is called " + question + "."),
                null);
    }
}
