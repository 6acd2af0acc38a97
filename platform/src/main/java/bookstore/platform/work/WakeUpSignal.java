package bookstore.platform.work;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Tells a {@link PollingWorker} that work is waiting, so that it starts its next round now instead of
 * at its next poll. Raised many times before the worker looks, it wakes the worker once.
 *
 * <p>A worker has one of its own; a service gives it one from outside where the code that makes work
 * must not know the worker, e.g. a repository waking the relay that publishes what it stored.
 */
public class WakeUpSignal {

    private final Semaphore raised = new Semaphore(0);

    public final void raise() {
        raised.release();
    }

    /** Waits until the signal is raised or the timeout has passed; true if it was raised. */
    boolean await(Duration timeout) throws InterruptedException {
        if (raised.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            raised.drainPermits();
            return true;
        }
        return false;
    }
}
