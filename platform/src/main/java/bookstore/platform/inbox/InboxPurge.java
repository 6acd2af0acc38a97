package bookstore.platform.inbox;

import bookstore.platform.work.PollingWorker;
import bookstore.platform.work.Schedule;
import java.time.Duration;

/**
 * Keeps the inbox bounded: every {@code interval}, the ids recorded longer ago than the retention
 * are deleted. Several replicas purging at once delete the same rows harmlessly.
 */
public final class InboxPurge extends PollingWorker {

    private final Inbox inbox;
    private final Duration retention;

    public InboxPurge(Inbox inbox, Duration retention, Duration interval) {
        super("inbox-purge", Schedule.every(interval).backingOffUpTo(interval));
        this.inbox = inbox;
        this.retention = retention;
    }

    @Override
    protected boolean runOnce() {
        inbox.forgetOlderThan(retention).block();
        return false;
    }
}
