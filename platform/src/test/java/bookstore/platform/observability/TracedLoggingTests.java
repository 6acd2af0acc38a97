package bookstore.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/** A thread local standing in for the logger's trace id, carried in the Reactor context as the trace is. */
class TracedLoggingTests {

    private static final String KEY = "tracedLoggingTests.trace";
    private static final ThreadLocal<String> TRACE = new ThreadLocal<>();

    @BeforeEach
    void registerTheThreadLocal() {
        ContextRegistry.getInstance().registerThreadLocalAccessor(new ThreadLocalAccessor<String>() {
            @Override
            public Object key() {
                return KEY;
            }

            @Override
            public String getValue() {
                return TRACE.get();
            }

            @Override
            public void setValue(String value) {
                TRACE.set(value);
            }

            @Override
            public void setValue() {
                TRACE.remove();
            }
        });
    }

    @AfterEach
    void forgetTheThreadLocal() {
        ContextRegistry.getInstance().removeThreadLocalAccessor(KEY);
    }

    @Test
    void aLogLineAfterAThreadHopSeesTheSubscribersTrace() {
        var inside = new AtomicReference<String>("not run");
        var outside = new AtomicReference<String>("not run");
        var thread = new AtomicReference<Thread>();

        Mono.delay(Duration.ofMillis(1))
                .doOnNext(tick -> outside.set(TRACE.get()))
                .then(TracedLogging.log(() -> {
                    inside.set(TRACE.get());
                    thread.set(Thread.currentThread());
                }))
                .contextWrite(Context.of(KEY, "trace-1"))
                .block(Duration.ofSeconds(5));

        assertThat(thread.get()).isNotSameAs(Thread.currentThread());
        assertThat(inside.get()).isEqualTo("trace-1");
        // Elsewhere in the chain the thread local is not there: why the helper exists.
        assertThat(outside.get()).isNull();
        assertThat(TRACE.get()).isNull();
    }
}
