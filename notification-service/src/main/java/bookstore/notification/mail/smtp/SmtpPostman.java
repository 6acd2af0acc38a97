package bookstore.notification.mail.smtp;

import bookstore.notification.mail.application.Letter;
import bookstore.notification.mail.application.Postman;
import bookstore.notification.mail.application.Recipient;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends over SMTP with Spring Boot's {@link JavaMailSender} ({@code spring.mail.*}): one multipart/alternative
 * message with a plain-text and an HTML part, UTF-8 throughout.
 */
public final class SmtpPostman implements Postman {

    private final JavaMailSender sender;
    private final InternetAddress from;

    public SmtpPostman(JavaMailSender sender, String from) {
        this.sender = sender;
        try {
            this.from = new InternetAddress(from, true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("The notification sender address is not valid: " + from, e);
        }
    }

    @Override
    public void send(Recipient to, Letter.Rendered letter, String messageId) {
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper parts = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            parts.setFrom(from);
            parts.setTo(
                    to.name() == null
                            ? new InternetAddress(to.address(), true)
                            : new InternetAddress(to.address(), to.name(), StandardCharsets.UTF_8.name()));
            parts.setSubject(letter.subject());
            parts.setText(letter.text(), letter.html());
            // JavaMailSenderImpl keeps a Message-ID set before sending.
            message.setHeader("Message-ID", messageId);
            message.setHeader("Content-Language", to.language());
            sender.send(message);
        } catch (MessagingException | UnsupportedEncodingException | MailException e) {
            throw new MailNotSentException("The mail relay did not take the message: " + e.getMessage(), e);
        }
    }
}
