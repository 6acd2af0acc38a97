package bookstore.embedded;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real mail server (GreenMail) for local runs and system tests: SMTP where the services send, IMAP for any mail
 * client, and a read-only HTTP mailbox that shows what was sent. It accepts mail for any address without
 * authentication and keeps it in memory until it stops.
 *
 * <p>The mailbox answers {@code GET /messages?to=<address>} with the messages to that address (all of them without
 * {@code to}), oldest first, as JSON; {@code DELETE /messages} empties it; {@code GET /} is a page a person reads.
 */
public final class MailServer implements AutoCloseable {

    private static final String HOST = "localhost";
    /** Times as ISO-8601 text, as the shop's APIs write them. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance));

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    private final GreenMail greenMail;
    private final HttpServer mailbox;

    private MailServer(GreenMail greenMail, HttpServer mailbox) {
        this.greenMail = greenMail;
        this.mailbox = mailbox;
    }

    /** SMTP, IMAP and the HTTP mailbox on free ports. */
    public static MailServer start() {
        return start(0, 0, 0);
    }

    /**
     * @param smtpPort the SMTP port, or 0 for a free one
     * @param imapPort the IMAP port, or 0 for a free one
     * @param mailboxPort the HTTP mailbox's port, or 0 for a free one
     */
    public static MailServer start(int smtpPort, int imapPort, int mailboxPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                    new ServerSetup(FreePorts.requestedOrFree(smtpPort), HOST, ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(FreePorts.requestedOrFree(imapPort), HOST, ServerSetup.PROTOCOL_IMAP)
                })
                // Services may log in with whatever credentials their relay settings carry; any are taken.
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        try {
            HttpServer mailbox =
                    HttpServer.create(new InetSocketAddress(HOST, FreePorts.requestedOrFree(mailboxPort)), 0);
            MailServer server = new MailServer(greenMail, mailbox);
            mailbox.createContext("/messages", server::messages);
            mailbox.createContext("/", server::page);
            mailbox.setExecutor(Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().daemon().name("mailbox").factory()));
            mailbox.start();
            return server;
        } catch (IOException | RuntimeException e) {
            greenMail.stop();
            throw new IllegalStateException("The mailbox did not start on port " + mailboxPort, e);
        }
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** Where a person reads what was sent, e.g. {@code http://localhost:8025}. */
    public String mailboxUrl() {
        return "http://" + HOST + ":" + mailbox.getAddress().getPort();
    }

    /** Every message received so far (one per recipient), oldest first. */
    public List<Mail> messages() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(Mail::of).toList();
    }

    /** The messages received for one address, oldest first. */
    public List<Mail> messagesTo(String address) {
        String wanted = address.toLowerCase(Locale.ROOT);
        return messages().stream().filter(mail -> mail.to().equals(wanted)).toList();
    }

    /** Forgets every message received so far. */
    public void clear() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot empty the mailbox", e);
        }
    }

    @Override
    public void close() {
        mailbox.stop(0);
        greenMail.stop();
    }

    private void messages(HttpExchange exchange) throws IOException {
        try (exchange) {
            switch (exchange.getRequestMethod()) {
                case "GET" -> {
                    List<Mail> mails =
                            queryParameter(exchange, "to").map(this::messagesTo).orElseGet(this::messages);
                    send(exchange, 200, "application/json", JSON.writeValueAsBytes(mails));
                }
                case "DELETE" -> {
                    clear();
                    exchange.sendResponseHeaders(204, -1);
                }
                default -> {
                    exchange.getResponseHeaders().add("Allow", "GET, DELETE");
                    exchange.sendResponseHeaders(405, -1);
                }
            }
        }
    }

    /** A plain page listing every message, newest first; all mail text is escaped, links made clickable. */
    private void page(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())
                    || !"/".equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            StringBuilder html = new StringBuilder("""
                    <!doctype html><html lang="en"><head><meta charset="utf-8">
                    <meta name="viewport" content="width=device-width, initial-scale=1">
                    <title>Mailbox</title><style>
                    body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:1rem auto;max-width:60rem;padding:0 1rem}
                    article{border:1px solid #ccc;border-radius:6px;margin:1rem 0;padding:.5rem 1rem}
                    pre{white-space:pre-wrap;word-break:break-word}small{color:#555}
                    </style></head><body><h1>Mailbox</h1>
                    """);
            List<Mail> mails = new ArrayList<>(messages());
            html.append("<p>")
                    .append(mails.size())
                    .append(
                            " message(s): what the shop sent, newest first. JSON: <code>/messages?to=address</code>.</p>");
            for (Mail mail : mails.reversed()) {
                html.append("<article><h2>")
                        .append(escape(mail.subject()))
                        .append("</h2><small>to ")
                        .append(escape(mail.to()))
                        .append(" · from ")
                        .append(escape(mail.from()))
                        .append(" · ")
                        .append(mail.receivedAt())
                        .append("</small><pre>")
                        .append(linked(escape(mail.text())))
                        .append("</pre></article>");
            }
            html.append("</body></html>");
            exchange.getResponseHeaders()
                    .add("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
            send(exchange, 200, "text/html; charset=utf-8", html.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Optional<String> queryParameter(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        return Arrays.stream(query.split("&"))
                .map(pair -> pair.split("=", 2))
                .filter(pair -> pair.length == 2 && pair[0].equals(name))
                .map(pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8))
                .findFirst();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    /** Escaped text with its http(s) links clickable; a link's characters were escaped already and stay so. */
    private static String linked(String escaped) {
        Matcher links = LINK.matcher(escaped);
        return links.replaceAll(
                link -> Matcher.quoteReplacement("<a href=\"" + link.group() + "\">" + link.group() + "</a>"));
    }

    /**
     * One message as the mailbox shows it.
     *
     * @param id the message's Message-ID header
     * @param to the recipient whose mailbox holds this copy
     * @param toName the recipient's name as the message gives it, or empty
     * @param text the plain-text part (or the HTML part's text when there is none)
     * @param html the HTML part, or empty
     * @param language the message's Content-Language header, or empty
     */
    public record Mail(
            String id,
            String to,
            String toName,
            String from,
            String subject,
            String text,
            String html,
            String language,
            Instant receivedAt) {

        /** A received message, decoded. */
        public static Mail of(MimeMessage message) {
            try {
                Parts parts = new Parts();
                parts.collect(message);
                return new Mail(
                        Optional.ofNullable(message.getMessageID()).orElse(""),
                        first(message.getRecipients(Message.RecipientType.TO)),
                        nameOf(message.getRecipients(Message.RecipientType.TO)),
                        first(message.getFrom()),
                        Optional.ofNullable(message.getSubject()).orElse(""),
                        parts.text.isEmpty() ? parts.html : parts.text,
                        parts.html,
                        Optional.ofNullable(message.getHeader("Content-Language", ","))
                                .orElse(""),
                        Optional.ofNullable(message.getReceivedDate())
                                .or(() -> Optional.ofNullable(sentDate(message)))
                                .map(java.util.Date::toInstant)
                                .orElse(Instant.EPOCH));
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("Cannot read a received message", e);
            }
        }

        private static java.util.Date sentDate(MimeMessage message) {
            try {
                return message.getSentDate();
            } catch (MessagingException e) {
                return null;
            }
        }

        private static String nameOf(Address[] addresses) {
            return addresses != null
                            && addresses.length > 0
                            && addresses[0] instanceof jakarta.mail.internet.InternetAddress internet
                            && internet.getPersonal() != null
                    ? internet.getPersonal()
                    : "";
        }

        private static String first(Address[] addresses) {
            if (addresses == null || addresses.length == 0) {
                return "";
            }
            Address address = addresses[0];
            String text = address instanceof jakarta.mail.internet.InternetAddress internet
                    ? internet.getAddress()
                    : address.toString();
            return text.toLowerCase(Locale.ROOT);
        }
    }

    /** The first text/plain and text/html parts of a message, however deeply they are nested. */
    private static final class Parts {
        private String text = "";
        private String html = "";

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("text/plain") && text.isEmpty() && !isAttachment(part)) {
                text = (String) part.getContent();
            } else if (part.isMimeType("text/html") && html.isEmpty() && !isAttachment(part)) {
                html = (String) part.getContent();
            } else if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child);
                }
            }
        }

        private static boolean isAttachment(Part part) throws MessagingException {
            return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
        }
    }
}
