package bookstore.notification;

import bookstore.embedded.MailServer.Mail;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.awaitility.Awaitility;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A real SMTP server (GreenMail) on a port of its own, which the service sends to, and what arrived there. It can be
 * stopped and started again on the same port, as a relay that goes away and comes back.
 */
public final class Mailbox {

    private final ServerSetup smtp;
    private volatile GreenMail server;

    private Mailbox(int port) {
        this.smtp = new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_SMTP);
        start();
    }

    public int port() {
        return smtp.getPort();
    }

    public synchronized void start() {
        server = new GreenMail(smtp);
        server.start();
    }

    /** Stops the server: connections to its port are refused until {@link #start()}; what arrived is gone. */
    public synchronized void stop() {
        server.stop();
    }

    /** How many messages arrived since the server last started, for anyone. */
    public int all() {
        return server.getReceivedMessages().length;
    }

    /** Every message that arrived for the address so far. */
    public List<Mail> to(String address) {
        return Arrays.stream(server.getReceivedMessages())
                .map(Mail::of)
                .filter(mail -> mail.to().equalsIgnoreCase(address))
                .toList();
    }

    /** Waits until {@code count} messages arrived for the address, and returns them. */
    public List<Mail> await(String address, int count) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> to(address).size() >= count);
        return to(address);
    }

    /** Waits for the one message for the address. */
    public Mail awaitOne(String address) {
        return await(address, 1).getFirst();
    }

    /** The mailbox as a bean, and the service's {@code spring.mail} pointed at it. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean(destroyMethod = "stop")
        Mailbox mailbox() {
            return new Mailbox(freePort());
        }

        @Bean
        DynamicPropertyRegistrar mailServerProperties(Mailbox mailbox) {
            return properties -> {
                properties.add("spring.mail.host", () -> "localhost");
                properties.add("spring.mail.port", mailbox::port);
            };
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
