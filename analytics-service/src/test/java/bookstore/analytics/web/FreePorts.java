package bookstore.analytics.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * Ports nobody listens on, for instances that must know their own port before they start (Kafka Streams tells
 * other instances where to reach this one).
 */
final class FreePorts {

    private FreePorts() {}

    static int one() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
