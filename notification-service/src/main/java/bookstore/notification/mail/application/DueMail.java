package bookstore.notification.mail.application;

import bookstore.notification.mail.domain.Mail;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A pending mail the sender has claimed, with what it needs to address and write it. */
public record DueMail(
        Mail mail,
        UUID eventId,
        Instant occurredAt,
        String customer,
        Recipient recipient,
        String orderId,
        Map<String, String> facts) {}
