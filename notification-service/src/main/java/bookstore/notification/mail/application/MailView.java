package bookstore.notification.mail.application;

import bookstore.notification.mail.domain.MailKind;
import bookstore.notification.mail.domain.MailStatus;
import java.time.Instant;
import java.util.UUID;

/** A recorded mail as staff see it: what, to whom, how it went; never its body. */
public record MailView(
        long id,
        MailKind kind,
        UUID eventId,
        MailStatus status,
        String recipient,
        String orderId,
        String subject,
        int attempts,
        Instant recordedAt,
        Instant nextAttemptAt,
        Instant sentAt,
        String messageId,
        String lastError) {}
