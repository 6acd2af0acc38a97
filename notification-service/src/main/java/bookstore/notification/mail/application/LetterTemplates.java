package bookstore.notification.mail.application;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Lays a letter out with the Thymeleaf templates {@code mail/letter.html} and {@code mail/letter.txt}: the same
 * words as an HTML part and a plain-text part. The HTML template prints every value with {@code th:text} (escaped),
 * never {@code th:utext}, so a name like {@code <script>} arrives as text; the plain-text part prints values as they
 * are ({@code [(…)]}), since text/plain has no markup and escaping would show the reader {@code &lt;}.
 */
public final class LetterTemplates {

    private final ITemplateEngine engine;

    public LetterTemplates(ITemplateEngine engine) {
        this.engine = engine;
    }

    public Letter.Rendered render(Letter letter) {
        Context context = new Context(letter.locale());
        context.setVariable("letter", letter);
        return new Letter.Rendered(
                letter.subject(),
                engine.process("mail/letter.html", context),
                engine.process("mail/letter.txt", context));
    }
}
