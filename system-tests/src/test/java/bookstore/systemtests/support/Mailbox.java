package bookstore.systemtests.support;

import bookstore.embedded.MailServer.Mail;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/** What the shop mailed, read from its embedded mail server. */
public final class Mailbox {

    /** How long a mail may take: an event's way through Kafka to notification-service, then SMTP. */
    public static final Duration DELIVERY = Duration.ofSeconds(60);

    private final Shop shop;

    public Mailbox(Shop shop) {
        this.shop = shop;
    }

    /** Every mail to this address so far, oldest first. */
    public List<Mail> to(String address) {
        return shop.mail().messagesTo(address);
    }

    /** Waits for the first mail to the address that matches, and returns it. */
    public Mail await(String address, String description, Predicate<Mail> matching) {
        return Awaitility.await("a mail to " + address + ": " + description)
                .atMost(DELIVERY)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> to(address).stream().filter(matching).findFirst(), found -> found.isPresent())
                .orElseThrow();
    }

    /** Waits for a mail to the address whose text contains this. */
    public Mail awaitContaining(String address, String text) {
        return await(address, "containing " + text, mail -> mail.text().contains(text));
    }

    /** The one-time token a mail's link carries (…?token=…). */
    public static String tokenIn(Mail mail, String path) {
        Matcher link = Pattern.compile(Pattern.quote(path) + "\\?token=([A-Za-z0-9_-]+)")
                .matcher(mail.text());
        if (!link.find()) {
            throw new AssertionError("no " + path + " link in the mail " + mail.subject() + ": " + mail.text());
        }
        return link.group(1);
    }

    /** Whether a text is written in Chinese (has CJK ideographs). */
    public static boolean isChinese(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
