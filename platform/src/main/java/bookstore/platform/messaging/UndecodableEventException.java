package bookstore.platform.messaging;

/** A record that no retry can turn into an event; it goes straight to the dead-letter topic. */
public class UndecodableEventException extends RuntimeException {

    public UndecodableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
