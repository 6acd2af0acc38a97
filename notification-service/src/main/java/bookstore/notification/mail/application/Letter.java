package bookstore.notification.mail.application;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a mail says, in its recipient's language, before it is laid out: the templates turn it into an HTML part and
 * a plain-text part. Every string here may hold text people wrote (names, titles, reasons); the templates print it
 * as text, never as markup.
 *
 * @param greeting the salutation
 * @param paragraphs the message, a paragraph each
 * @param action the link the mail is for, or null
 * @param lines an order's books, or empty
 * @param total the order's total, written out, or null
 * @param facts labelled facts (order number, carrier, tracking number, …)
 * @param signature who writes, and that replies are not read
 */
public record Letter(
        Locale locale,
        String subject,
        String greeting,
        List<String> paragraphs,
        Action action,
        List<Line> lines,
        String total,
        List<Fact> facts,
        String signature) {

    public Letter {
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(subject, "subject");
        paragraphs = List.copyOf(paragraphs);
        lines = List.copyOf(lines);
        facts = List.copyOf(facts);
    }

    /** The HTML {@code lang} of the letter. */
    public String languageTag() {
        return locale.toLanguageTag();
    }

    public record Action(String label, String url) {}

    public record Line(String title, int quantity, String unitPrice) {}

    public record Fact(String label, String value) {}

    /** The letter laid out: the parts of the message. */
    public record Rendered(String subject, String html, String text) {}
}
