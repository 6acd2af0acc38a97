package bookstore.platform.web;

import bookstore.platform.TransientFailures;
import jakarta.validation.ConstraintViolationException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Mono;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error a service answers is {@code application/problem+json}. Spring's own exceptions get a
 * stable type per status; validation failures list the offending fields; anything unexpected is a
 * plain 500 whose cause is logged, never returned.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** The detail of a validation problem about the request's body. */
    public static final String INVALID_FIELDS = "The request has invalid fields.";

    /** The detail of a validation problem about its path or query parameters. */
    public static final String INVALID_PARAMETERS = "The request has invalid parameters.";

    /** The detail of a problem with a body that cannot be read as this resource's JSON. */
    public static final String NOT_JSON = "The request body is not valid JSON for this resource.";

    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = body instanceof ProblemDetail given
                ? given
                : ex instanceof ErrorResponse response ? response.getBody() : null;
        if (problem != null && isDefaultType(problem)) {
            problem.setType(Problems.type(Problems.kindOf(status)));
        }
        return super.handleExceptionInternal(ex, body, headers, status, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
            WebExchangeBindException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = Problems.invalid(INVALID_FIELDS);
        problem.setProperty("errors", fieldErrors(ex.getFieldErrors()));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            ServerWebExchange exchange) {
        ProblemDetail problem = Problems.invalid(INVALID_PARAMETERS);
        problem.setProperty(
                "errors",
                ex.getParameterValidationResults().stream()
                        .flatMap(ProblemDetailsAdvice::errorsOf)
                        .sorted(Comparator.comparing(e -> e.get("field")))
                        .toList());
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = Problems.malformed(describe(ex));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail onConstraintViolation(ConstraintViolationException ex) {
        ProblemDetail problem = Problems.invalid(INVALID_PARAMETERS);
        problem.setProperty(
                "errors",
                ex.getConstraintViolations().stream()
                        .map(v -> Map.of("field", leafOf(v.getPropertyPath().toString()), "message", v.getMessage()))
                        .sorted(Comparator.comparing(e -> e.get("field")))
                        .toList());
        return problem;
    }

    /**
     * A failure nobody foresaw is a 500. A failure of the infrastructure (the database away, a
     * timeout) is a 503 with {@code Retry-After}: the request was fine and may simply be sent again,
     * which is what a client, the gateway's breaker and the system tests' clients do.
     */
    @ExceptionHandler(Exception.class)
    Mono<ResponseEntity<ProblemDetail>> onUnexpected(Exception ex) {
        // Logged inside handle(): with limited context propagation that is where Reactor restores the request's
        // trace context, which the log line must carry.
        return Mono.just(ex).handle((failure, sink) -> {
            if (DisconnectedClientHelper.isClientDisconnectedException(failure)) {
                // The caller hung up (a timeout, a closed tab): nothing went wrong here, and nobody reads the answer.
                log.debug("The client went away while its request was handled: {}", failure.toString());
            } else if (TransientFailures.isTransient(failure)) {
                log.warn("A request failed for a passing reason; answered 503: {}", failure.toString());
                sink.next(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER.toSeconds()))
                        .body(Problems.of(
                                HttpStatus.SERVICE_UNAVAILABLE,
                                "service-unavailable",
                                "Service unavailable",
                                "The shop cannot serve this right now. Please try again in a few seconds.")));
                return;
            } else {
                log.error("Unexpected error while handling a request", failure);
            }
            sink.next(ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .body(Problems.of(
                            HttpStatus.INTERNAL_SERVER_ERROR,
                            "internal-error",
                            "Internal error",
                            "Something went wrong on our side. Please try again later.")));
        });
    }

    /** A validated body reports its fields; a plain parameter reports itself. */
    private static Stream<Map<String, String>> errorsOf(ParameterValidationResult result) {
        if (result instanceof ParameterErrors body) {
            return fieldErrors(body.getFieldErrors()).stream();
        }
        String parameter = String.valueOf(result.getMethodParameter().getParameterName());
        return result.getResolvableErrors().stream()
                .map(error -> Map.of("field", parameter, "message", String.valueOf(error.getDefaultMessage())));
    }

    /**
     * A value that could not even be converted (a word where a number belongs) carries Spring's own
     * text, which names Java types; the caller learns only that the value has the wrong form.
     */
    private static String messageOf(FieldError error) {
        if (error.isBindingFailure()) {
            return "has the wrong form";
        }
        return String.valueOf(error.getDefaultMessage());
    }

    private static boolean isDefaultType(ProblemDetail problem) {
        return problem.getType() == null
                || "about:blank".equals(problem.getType().toString());
    }

    private static List<Map<String, String>> fieldErrors(List<FieldError> errors) {
        return errors.stream()
                .map(e -> Map.of("field", e.getField(), "message", messageOf(e)))
                .sorted(Comparator.comparing(e -> e.get("field")))
                .toList();
    }

    /** Says what is wrong with the body without echoing parser internals or class names. */
    private static String describe(ServerWebInputException ex) {
        Throwable cause = ex.getCause();
        while (cause != null && !(cause instanceof UnrecognizedPropertyException)) {
            cause = cause.getCause();
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + unknown.getPropertyName() + "'.";
        }
        if (ex.getCause() instanceof DecodingException) {
            return NOT_JSON;
        }
        return ex.getReason() == null ? "The request could not be read." : ex.getReason();
    }

    private static String leafOf(String propertyPath) {
        return propertyPath.substring(propertyPath.lastIndexOf('.') + 1);
    }
}
