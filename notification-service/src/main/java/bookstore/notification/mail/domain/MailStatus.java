package bookstore.notification.mail.domain;

/** Where a recorded mail stands. */
public enum MailStatus {
    /** Waiting to be sent: first time, after a failed attempt, or while its recipient is not known yet. */
    PENDING,
    /** The SMTP server accepted it. */
    SENT,
    /** Every attempt failed; an admin may retry it. */
    FAILED,
    /** Nobody to send it to turned up within the waiting time (a customer the directory never learnt of). */
    NO_RECIPIENT,
    /** Not to be sent: no staff address is configured, or the person's account was closed before it went. */
    SKIPPED;

    public boolean isFinal() {
        return this != PENDING;
    }
}
