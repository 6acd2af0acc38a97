package bookstore.notification.mail.application;

import bookstore.notification.mail.domain.Mail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Mono;

/** The recorded mails. */
public interface Mails {

    /** Records a mail once per event and kind; true if it was new. Joins the caller's transaction. */
    Mono<Boolean> record(NewMail mail);

    /**
     * Claims up to {@code max} pending mails that are due: each is leased to this sender until {@code now + lease}
     * (rows another sender holds are skipped), so a sender that dies mid-way leaves them due again afterwards.
     */
    Mono<List<DueMail>> claimDue(int max, Instant now, Duration lease);

    /**
     * Saves where a mail stands after an attempt; {@code sentTo} and {@code subject} are what was sent, if anything
     * was. A mail whose person was erased meanwhile keeps no address or name.
     */
    Mono<Void> save(Mail mail, Recipient sentTo, String subject);

    /** Whether any pending mail is due now. */
    Mono<Boolean> anyDue(Instant now);

    /**
     * Erases the person from every mail recorded for the account or its customer pseudonym: address, name, facts and
     * errors go; mails not sent yet will not be.
     */
    Mono<Long> erase(String userId, String pseudonym, Instant now);

    Mono<Mail> find(long id);

    Mono<MailView> view(long id);

    Mono<List<MailView>> list(MailQuery query, int page, int size);

    Mono<Long> count(MailQuery query);

    /** Pending mails, for the gauge. */
    Mono<Long> pending();
}
