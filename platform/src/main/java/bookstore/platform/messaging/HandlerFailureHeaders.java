package bookstore.platform.messaging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.ExceptionHeadersCreator;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * The exception headers of a dead letter name what the handler failed with (its class, its root cause's class, its
 * message and stack trace), which is what an operator reads to decide whether to re-drive it, rather than the
 * listener's wrappers around it ({@code Listener failed; handler failed @-0}). Header names are Spring Kafka's.
 */
final class HandlerFailureHeaders implements ExceptionHeadersCreator {

    @Override
    public void create(Headers headers, Exception exception, boolean isKey, HeaderNames names) {
        Throwable failure = handlersFailure(exception);
        HeaderNames.ExceptionInfo info = names.getExceptionInfo();
        replace(
                headers,
                isKey ? info.getKeyExceptionFqcn() : info.getExceptionFqcn(),
                failure.getClass().getName());
        Throwable root = rootCause(failure);
        if (!isKey && root != failure) {
            replace(headers, info.getExceptionCauseFqcn(), root.getClass().getName());
        }
        if (failure.getMessage() != null) {
            replace(headers, isKey ? info.getKeyExceptionMessage() : info.getExceptionMessage(), failure.getMessage());
        }
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        replace(headers, isKey ? info.getKeyExceptionStacktrace() : info.getExceptionStacktrace(), trace.toString());
    }

    /** Past the listener's and the batch's wrappers, to what the handler (or the decoding) threw. */
    static Throwable handlersFailure(Throwable failure) {
        Throwable unwrapped = failure;
        while ((unwrapped instanceof ListenerExecutionFailedException
                        || unwrapped instanceof BatchListenerFailedException)
                && unwrapped.getCause() != null) {
            unwrapped = unwrapped.getCause();
        }
        return unwrapped;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static void replace(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
