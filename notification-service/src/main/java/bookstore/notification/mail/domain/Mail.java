package bookstore.notification.mail.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One mail the service owes someone for one event: recorded when the event is handled, then sent by the sender loop,
 * at most once successfully. Its transitions are guarded: only a pending mail is sent, fails an attempt or waits for
 * its recipient; only a failed one is retried.
 *
 * @param attempts failed SMTP attempts so far
 * @param nextAttemptAt when a pending mail is due
 * @param lastError why the latest attempt failed, if it did
 */
public record Mail(
        long id,
        MailKind kind,
        MailStatus status,
        Instant recordedAt,
        int attempts,
        Instant nextAttemptAt,
        Instant sentAt,
        String messageId,
        String lastError) {

    public Mail {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /** The SMTP server took it. */
    public Mail sent(String acceptedMessageId, Instant now) {
        requirePending("sent");
        return new Mail(id, kind, MailStatus.SENT, recordedAt, attempts, null, now, acceptedMessageId, lastError);
    }

    /** An attempt failed: try again after the back-off, or give up after the last attempt. */
    public Mail failedAttempt(String error, Instant now, RetryPolicy policy) {
        requirePending("failed");
        int failed = attempts + 1;
        if (failed >= policy.maxAttempts()) {
            return new Mail(id, kind, MailStatus.FAILED, recordedAt, failed, null, null, null, error);
        }
        return new Mail(
                id,
                kind,
                MailStatus.PENDING,
                recordedAt,
                failed,
                now.plus(policy.backOffAfter(failed)),
                null,
                null,
                error);
    }

    /** Its customer is not in the directory (yet): look again later, or give up once the waiting time is over. */
    public Mail recipientUnknown(Instant now, RetryPolicy policy) {
        requirePending("waiting for its recipient");
        if (!now.isBefore(recordedAt.plus(policy.recipientWait()))) {
            return new Mail(id, kind, MailStatus.NO_RECIPIENT, recordedAt, attempts, null, null, null, lastError);
        }
        return new Mail(
                id,
                kind,
                MailStatus.PENDING,
                recordedAt,
                attempts,
                now.plus(policy.recipientRetry()),
                null,
                null,
                lastError);
    }

    /** An admin asks for another round of attempts of a mail that failed. */
    public Mail retried(Instant now) {
        if (status != MailStatus.FAILED) {
            throw new IllegalMailStateException("Only a FAILED mail can be retried; mail " + id + " is " + status);
        }
        return new Mail(id, kind, MailStatus.PENDING, recordedAt, 0, now, null, null, lastError);
    }

    private void requirePending(String what) {
        if (status != MailStatus.PENDING) {
            throw new IllegalMailStateException("Mail " + id + " is " + status + " and cannot be " + what);
        }
    }
}
