package bookstore.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailServerTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static MailServer server;

    @BeforeAll
    static void start() {
        server = MailServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void empty() throws Exception {
        HttpResponse<String> emptied = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.mailboxUrl() + "/messages"))
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(emptied.statusCode()).isEqualTo(204);
        assertThat(server.messages()).isEmpty();
    }

    @Test
    void whatIsSentOverSmtpCanBeReadAsJsonPerRecipient() throws Exception {
        send("li.lei@example.com", "欢迎光临", "请验证邮箱：http://localhost:8080/verify-email?token=abc_DEF-1", "<p>html</p>");
        send("han.meimei@example.com", "Welcome", "Hello", null);

        JsonNode toLiLei = json(get("/messages?to=" + URLEncoder.encode("Li.Lei@example.com", StandardCharsets.UTF_8)));
        assertThat(toLiLei).hasSize(1);
        assertThat(toLiLei.get(0).get("subject").asText()).isEqualTo("欢迎光临");
        assertThat(toLiLei.get(0).get("to").asText()).isEqualTo("li.lei@example.com");
        assertThat(toLiLei.get(0).get("from").asText()).isEqualTo("shop@example.com");
        assertThat(toLiLei.get(0).get("text").asText()).contains("token=abc_DEF-1");
        assertThat(toLiLei.get(0).get("html").asText()).isEqualTo("<p>html</p>");
        assertThat(json(get("/messages"))).hasSize(2);
        assertThat(server.messagesTo("han.meimei@example.com"))
                .singleElement()
                .satisfies(mail -> assertThat(mail.html()).isEmpty());
    }

    @Test
    void thePageShowsMailAsTextWithItsLinksClickable() throws Exception {
        send(
                "li.lei@example.com",
                "<script>alert(1)</script>",
                "Go to https://shop.example/reset?token=a$1b now",
                null);

        HttpResponse<String> page = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.mailboxUrl() + "/")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'"));
        assertThat(page.body())
                .doesNotContain("<script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("<a href=\"https://shop.example/reset?token=a$1b\">");
    }

    @Test
    void aMailClientReadsTheSameMessagesOverImap() throws Exception {
        send("li.lei@example.com", "IMAP", "over IMAP", null);

        Properties properties = new Properties();
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect("localhost", server.imapPort(), "li.lei@example.com", "any password");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessages()).singleElement().satisfies(message -> assertThat(message.getSubject())
                    .isEqualTo("IMAP"));
            inbox.close();
        } finally {
            store.close();
        }
    }

    @Test
    void otherMethodsAndPathsAreRefused() throws Exception {
        HttpResponse<String> put = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.mailboxUrl() + "/messages"))
                        .PUT(HttpRequest.BodyPublishers.ofString("x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(HTTP.send(
                                HttpRequest.newBuilder(URI.create(server.mailboxUrl() + "/elsewhere"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(404);
    }

    private static void send(String to, String subject, String text, String html) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "localhost");
        properties.put("mail.smtp.port", String.valueOf(server.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("shop@example.com"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        if (html == null) {
            message.setText(text, "UTF-8");
        } else {
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, "UTF-8");
            MimeBodyPart rich = new MimeBodyPart();
            rich.setText(html, "UTF-8", "html");
            message.setContent(new MimeMultipart("alternative", plain, rich));
        }
        Transport.send(message);
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.mailboxUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode json(String body) throws Exception {
        return new ObjectMapper().readTree(body);
    }
}
