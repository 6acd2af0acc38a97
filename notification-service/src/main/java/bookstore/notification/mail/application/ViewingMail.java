package bookstore.notification.mail.application;

import bookstore.notification.mail.domain.Mail;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** What staff see of the recorded mails, and their retry of one that failed. */
@Service
public class ViewingMail {

    private final Mails mails;
    private final Clock clock;

    ViewingMail(Mails mails, Clock clock) {
        this.mails = mails;
        this.clock = clock;
    }

    public Mono<Page> list(MailQuery query, int page, int size) {
        return Mono.zip(mails.list(query, page, size), mails.count(query))
                .map(found -> new Page(found.getT1(), found.getT2()));
    }

    /** A FAILED mail gets a new round of attempts, starting now; anything else is refused. */
    public Mono<MailView> retry(long id) {
        return mails.find(id)
                .switchIfEmpty(Mono.error(() -> new MailNotFoundException(id)))
                .flatMap(mail -> {
                    Mail retried = mail.retried(clock.instant());
                    return mails.save(retried, null, null);
                })
                .then(mails.view(id));
    }

    /** A page of mails and how many match in all. */
    public record Page(List<MailView> items, long total) {}

    /** No mail has that id. */
    public static class MailNotFoundException extends RuntimeException {

        public MailNotFoundException(long id) {
            super("No mail " + id + " was recorded.");
        }
    }
}
