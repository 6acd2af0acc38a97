package bookstore.testsupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

final class CloseOnExit {

    private static final Logger log = LoggerFactory.getLogger(CloseOnExit.class);

    private CloseOnExit() {}

    static <T extends AutoCloseable> T register(String name, T server) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(name, server), "stop-" + name));
        return server;
    }

    private static void close(String name, AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            // The JVM is exiting; a server that will not stop cleanly must not hide the test results.
            log.warn("{} did not stop cleanly", name, e);
        }
    }
}
