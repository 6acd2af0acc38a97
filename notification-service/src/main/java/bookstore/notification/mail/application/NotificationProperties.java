package bookstore.notification.mail.application;

import bookstore.notification.mail.domain.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's settings ({@code bookstore.notification}).
 *
 * @param pseudonymKey order-service's customer pseudonym key (the same secret), to find the contact of an order's
 *     customer
 * @param from the sender of every mail, e.g. {@code 书店 Bookstore <no-reply@shop.example>}
 * @param staffAddress where low-stock alerts go; empty: they are recorded as skipped
 * @param staffLanguage the language of staff alerts, {@code zh-CN} or {@code en}
 * @param shopUrl the storefront's address, the base of every link in a mail
 * @param sending the sender loop
 */
@ConfigurationProperties("bookstore.notification")
public record NotificationProperties(
        String pseudonymKey,

        @DefaultValue("Bookstore <no-reply@bookstore.example>")
        String from,

        @DefaultValue("") String staffAddress,
        @DefaultValue(Recipient.CHINESE) String staffLanguage,
        @DefaultValue("http://localhost:8080") URI shopUrl,
        @DefaultValue Sending sending) {

    /**
     * @param pollInterval how often the sender looks for due mail nobody announced (retries, waits)
     * @param batchSize the most mails claimed per round
     * @param lease how long a claimed mail is the claiming sender's before another may take it
     * @param maxAttempts failed SMTP attempts before a mail is FAILED
     * @param firstRetry the wait after the first failed attempt, doubling after each further one
     * @param maxRetry the longest wait between attempts
     * @param recipientRetry how often an order mail whose customer is not in the directory is looked at again
     * @param recipientWait how long after it was recorded such a mail gives up as NO_RECIPIENT
     */
    public record Sending(
            @DefaultValue("2s") Duration pollInterval,
            @DefaultValue("20") int batchSize,
            @DefaultValue("2m") Duration lease,
            @DefaultValue("8") int maxAttempts,
            @DefaultValue("30s") Duration firstRetry,
            @DefaultValue("1h") Duration maxRetry,
            @DefaultValue("30s") Duration recipientRetry,
            @DefaultValue("24h") Duration recipientWait) {

        public RetryPolicy retryPolicy() {
            return new RetryPolicy(maxAttempts, firstRetry, maxRetry, recipientRetry, recipientWait);
        }
    }
}
