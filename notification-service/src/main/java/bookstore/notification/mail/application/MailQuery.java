package bookstore.notification.mail.application;

import bookstore.notification.mail.domain.MailKind;
import bookstore.notification.mail.domain.MailStatus;

/**
 * Which recorded mails a listing shows; null filters show all.
 *
 * @param recipient an exact address
 */
public record MailQuery(String recipient, MailKind kind, MailStatus status) {}
