package bookstore.notification.mail.application;

/** Hands a mail to the mail relay. */
public interface Postman {

    /**
     * Sends one message, blocking until the relay accepted or refused it.
     *
     * @param messageId the {@code Message-ID} to give it, the same on every attempt of one mail, so a recipient's
     *     mail program can tell a rare second copy (sent, then the service stopped before recording it) for what it
     *     is
     * @throws MailNotSentException if the relay did not take it
     */
    void send(Recipient to, Letter.Rendered letter, String messageId);

    /** The relay did not take a message: unreachable, refused, timed out. */
    class MailNotSentException extends RuntimeException {

        public MailNotSentException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
