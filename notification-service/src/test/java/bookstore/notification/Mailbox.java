package bookstore.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
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
    public List<Received> to(String address) {
        return Arrays.stream(server.getReceivedMessages())
                .filter(message -> addressedTo(message, address))
                .map(Received::of)
                .toList();
    }

    /** Waits until {@code count} messages arrived for the address, and returns them. */
    public List<Received> await(String address, int count) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> to(address).size() >= count);
        return to(address);
    }

    /** Waits for the one message for the address. */
    public Received awaitOne(String address) {
        return await(address, 1).getFirst();
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(to -> ((InternetAddress) to).getAddress().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A message as it arrived: its headers and its two parts, decoded. */
    public record Received(
            String to,
            String toName,
            String subject,
            String text,
            String html,
            String messageId,
            String contentLanguage) {

        static Received of(MimeMessage message) {
            try {
                InternetAddress to = (InternetAddress) message.getRecipients(Message.RecipientType.TO)[0];
                List<String> texts = new ArrayList<>();
                List<String> htmls = new ArrayList<>();
                collect(message, texts, htmls);
                return new Received(
                        to.getAddress(),
                        to.getPersonal(),
                        message.getSubject(),
                        String.join("\n", texts),
                        String.join("\n", htmls),
                        message.getMessageID(),
                        message.getHeader("Content-Language", ","));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void collect(Part part, List<String> texts, List<String> htmls)
                throws MessagingException, IOException {
            if (part.isMimeType("text/plain")) {
                texts.add((String) part.getContent());
            } else if (part.isMimeType("text/html")) {
                htmls.add((String) part.getContent());
            } else if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    collect(body, texts, htmls);
                }
            }
        }
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
