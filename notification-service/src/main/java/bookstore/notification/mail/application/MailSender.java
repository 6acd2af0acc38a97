package bookstore.notification.mail.application;

import bookstore.platform.work.HandedOver;
import bookstore.platform.work.PollingWorker;
import bookstore.platform.work.Schedule;
import java.time.Duration;

/**
 * Runs {@link SendingMail} in the background: as soon as a transaction recorded mail, and otherwise every poll
 * interval, which picks up retries, mails waiting for their recipient and what a stopped replica left behind.
 */
public final class MailSender extends PollingWorker {

    /** The longest wait between rounds while the database does not answer. */
    private static final Duration ROUND_BACK_OFF = Duration.ofSeconds(30);

    private final SendingMail sending;
    private final HandedOver<Long> recorded;

    public MailSender(SendingMail sending, HandedOver<Long> recorded, NotificationProperties settings) {
        super(
                "mail-sender",
                Schedule.every(settings.sending().pollInterval()).backingOffUpTo(ROUND_BACK_OFF),
                recorded.wakeUps());
        this.sending = sending;
        this.recorded = recorded;
    }

    @Override
    protected boolean runOnce() {
        // What was handed over is in the table too: the round claims it from there with everything else due.
        recorded.take(Integer.MAX_VALUE);
        sending.sendDue().block();
        return Boolean.TRUE.equals(sending.moreDue().block());
    }
}
