package bookstore.catalog.book.persistence;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** Wakes the relay when this replica has stored events, so it does not wait for its next poll. */
@Component
public class PendingEventsSignal {

    private final Semaphore wakeUps = new Semaphore(0);

    void raise() {
        wakeUps.release();
    }

    /** Waits until events were stored or the timeout passed; either way the caller then looks. */
    public void await(Duration timeout) throws InterruptedException {
        if (wakeUps.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            wakeUps.drainPermits();
        }
    }
}
