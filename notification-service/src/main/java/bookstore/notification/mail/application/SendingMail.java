package bookstore.notification.mail.application;

import bookstore.notification.directory.application.Directory;
import bookstore.notification.directory.application.OrderSummary;
import bookstore.notification.mail.domain.Mail;
import bookstore.notification.mail.domain.MailKind;
import bookstore.notification.mail.domain.RetryPolicy;
import bookstore.platform.TransientFailures;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The sender loop's round: claims the pending mails that are due, finds each one's recipient now (so an order mail
 * goes to the customer's address and in the language they have when it is sent), writes it, hands it to the relay
 * outside any transaction, and records how it went: SENT with the time and Message-ID, or a failed attempt with its
 * back-off, FAILED after the last one.
 */
public final class SendingMail {

    private static final Logger log = LoggerFactory.getLogger(SendingMail.class);

    private final Mails mails;
    private final Directory directory;
    private final Letters letters;
    private final LetterTemplates templates;
    private final Postman postman;
    private final MailMetrics metrics;
    private final NotificationProperties.Sending settings;
    private final RetryPolicy policy;
    private final String messageIdDomain;
    private final Clock clock;

    public SendingMail(
            Mails mails,
            Directory directory,
            Letters letters,
            LetterTemplates templates,
            Postman postman,
            MailMetrics metrics,
            NotificationProperties settings,
            Clock clock) {
        this.mails = mails;
        this.directory = directory;
        this.letters = letters;
        this.templates = templates;
        this.postman = postman;
        this.metrics = metrics;
        this.settings = settings.sending();
        this.policy = settings.sending().retryPolicy();
        this.messageIdDomain = domainOf(settings.from());
        this.clock = clock;
    }

    /** Sends what is due; tells how many mails it took. */
    public Mono<Integer> sendDue() {
        return mails.claimDue(settings.batchSize(), clock.instant(), settings.lease())
                .flatMap(due -> Flux.fromIterable(due).concatMap(this::deliver).then(Mono.just(due.size())));
    }

    /** Whether more is due now: a full batch was claimed, or mail became due meanwhile. */
    public Mono<Boolean> moreDue() {
        return mails.anyDue(clock.instant());
    }

    private Mono<Void> deliver(DueMail due) {
        Mail mail = due.mail();
        return recipientOf(due)
                .flatMap(found -> found.map(to -> write(due, to).flatMap(letter -> send(mail, to, letter)))
                        .orElseGet(() -> mails.save(mail.recipientUnknown(clock.instant(), policy), null, null)))
                // A mail that cannot even be written (a fact missing from an old record) must not hold up the others.
                .onErrorResume(
                        failure -> !(failure instanceof Postman.MailNotSentException)
                                && !TransientFailures.isTransient(failure),
                        failure -> {
                            log.error("Mail {} ({}) cannot be written", mail.id(), mail.kind(), failure);
                            Mail failed = mail.failedAttempt("cannot be written: " + failure, clock.instant(), policy);
                            return mails.save(failed, null, null).doOnSuccess(saved -> countFailure(failed));
                        });
    }

    private Mono<Optional<Recipient>> recipientOf(DueMail due) {
        if (due.mail().kind().audience() != MailKind.Audience.CUSTOMER) {
            return Mono.just(Optional.ofNullable(due.recipient()));
        }
        if (due.customer() == null) {
            return Mono.just(Optional.empty());
        }
        return directory
                .contactOf(due.customer())
                .map(contact -> Optional.of(new Recipient(contact.email(), contact.displayName(), contact.language())))
                .defaultIfEmpty(Optional.empty());
    }

    private Mono<Letter.Rendered> write(DueMail due, Recipient to) {
        Mono<Optional<OrderSummary>> order = due.orderId() == null
                ? Mono.just(Optional.empty())
                : directory.order(due.orderId()).map(Optional::of).defaultIfEmpty(Optional.empty());
        return order.flatMap(summary -> directory
                .titles(booksNamed(due, summary.orElse(null)))
                .map(titles -> templates.render(letters.write(
                        due.mail().kind(),
                        due.facts(),
                        due.occurredAt(),
                        due.orderId(),
                        to,
                        summary.orElse(null),
                        titles))));
    }

    private Mono<Void> send(Mail mail, Recipient to, Letter.Rendered letter) {
        String messageId = "<mail-" + mail.id() + "@" + messageIdDomain + ">";
        return Mono.fromRunnable(() -> postman.send(to, letter, messageId))
                // JavaMail blocks on the socket: never on an event loop.
                .subscribeOn(Schedulers.boundedElastic())
                .then(Mono.defer(() -> {
                    Mail sent = mail.sent(messageId, clock.instant());
                    return mails.save(sent, to, letter.subject()).doOnSuccess(saved -> metrics.sent(mail.kind()));
                }))
                .onErrorResume(Postman.MailNotSentException.class, failure -> {
                    log.warn(
                            "Mail {} ({}) not sent, attempt {}: {}",
                            mail.id(),
                            mail.kind(),
                            mail.attempts() + 1,
                            failure.getMessage());
                    Mail failed = mail.failedAttempt(failure.getMessage(), clock.instant(), policy);
                    return mails.save(failed, null, letter.subject()).doOnSuccess(saved -> countFailure(failed));
                });
    }

    private void countFailure(Mail failed) {
        if (failed.status().isFinal()) {
            metrics.failed(failed.kind());
        }
    }

    private static Set<String> booksNamed(DueMail due, OrderSummary order) {
        Set<String> books = new HashSet<>();
        if (order != null) {
            order.lines().forEach(line -> books.add(line.bookId()));
        }
        Optional.ofNullable(due.facts().get(Facts.BOOK_ID)).ifPresent(books::add);
        return books;
    }

    private static String domainOf(String from) {
        String address = from.contains("<") ? from.substring(from.indexOf('<') + 1, from.indexOf('>')) : from;
        int at = address.lastIndexOf('@');
        return at < 0 ? "bookstore.invalid" : address.substring(at + 1).strip();
    }
}
