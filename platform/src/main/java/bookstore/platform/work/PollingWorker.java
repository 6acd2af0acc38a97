package bookstore.platform.work;

import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Background work done in rounds on a daemon thread of its own. The first round runs at start; the
 * next one at once if work is still waiting, otherwise when the worker is woken ({@link #wakeUp()})
 * or its poll interval has passed, whichever comes first. Polling picks up the work no wake-up
 * announced: work another replica made or left behind, work that became due with time.
 *
 * <p>A failed round is retried after a back-off that doubles up to the {@link Schedule}'s maximum
 * and returns to the poll interval after a round succeeds; a wake-up cuts a back-off short. {@link
 * #stop()} interrupts the thread and waits for it, so a round that blocks must give way to an
 * interrupt (Reactor's {@code block()} does).
 *
 * <p>A subclass is a Spring {@link SmartLifecycle} bean: the context starts the thread and stops it.
 */
public abstract class PollingWorker implements SmartLifecycle {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final Schedule schedule;
    private final WakeUpSignal wakeUps;

    private volatile Thread worker;
    private volatile boolean running;

    /** A worker woken through {@link #wakeUp()}; {@code name} names its thread. */
    protected PollingWorker(String name, Schedule schedule) {
        this(name, schedule, new WakeUpSignal());
    }

    /** A worker woken through {@link #wakeUp()} and by whoever raises {@code wakeUps}. */
    protected PollingWorker(String name, Schedule schedule, WakeUpSignal wakeUps) {
        this.name = Objects.requireNonNull(name, "name");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.wakeUps = Objects.requireNonNull(wakeUps, "wakeUps");
    }

    /**
     * Does one round of work on the worker's thread.
     *
     * @return true if more work is waiting, so the next round starts at once
     */
    protected abstract boolean runOnce();

    /** Starts the next round now, or as soon as the current one ends. */
    public final void wakeUp() {
        wakeUps.raise();
    }

    @Override
    public final synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name(name).daemon().start(this::runUntilStopped);
    }

    @Override
    public final synchronized void stop() {
        running = false;
        Thread current = worker;
        if (current != null) {
            current.interrupt();
            try {
                current.join(STOP_TIMEOUT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        worker = null;
        afterStop();
    }

    /** Called once the worker's thread has ended, on the stopping thread: release what rounds held. */
    protected void afterStop() {}

    @Override
    public final boolean isRunning() {
        return running;
    }

    private void runUntilStopped() {
        Duration backOff = schedule.pollInterval();
        try {
            while (running) {
                try {
                    boolean moreWaiting = runOnce();
                    backOff = schedule.pollInterval();
                    if (!moreWaiting) {
                        wakeUps.await(schedule.pollInterval());
                    }
                } catch (RuntimeException e) {
                    if (!running) {
                        return;
                    }
                    log.warn("{} failed a round; retrying in {}", name, backOff, e);
                    wakeUps.await(backOff);
                    backOff = schedule.backOffAfter(backOff);
                }
            }
        } catch (InterruptedException e) {
            // stop() interrupted the wait: the thread ends here.
            Thread.currentThread().interrupt();
        }
    }
}
