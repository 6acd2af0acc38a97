package bookstore.notification.mail.domain;

/** A mail was asked to do what its status does not allow. */
public class IllegalMailStateException extends RuntimeException {

    public IllegalMailStateException(String message) {
        super(message);
    }
}
