package bookstore.notification.mail.application;

import bookstore.notification.mail.domain.MailKind;
import bookstore.notification.mail.domain.MailStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A mail owed for an event, as it is recorded.
 *
 * @param eventId the event it is for; with {@code kind}, what makes it once per event
 * @param userId the account it is about, for mail about the account
 * @param customer the customer pseudonym, for order mail (the recipient is looked up when it is sent)
 * @param recipient where it goes when that is known now (account and staff mail)
 * @param facts what the text needs that the directory does not hold (order number, reason, token, …)
 * @param status PENDING, or SKIPPED when there is nobody to send it to
 */
public record NewMail(
        UUID eventId,
        MailKind kind,
        Instant occurredAt,
        String userId,
        String customer,
        Recipient recipient,
        String orderId,
        Map<String, String> facts,
        MailStatus status) {

    public NewMail {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurredAt");
        facts = Map.copyOf(facts);
    }
}
