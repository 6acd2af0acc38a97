package bookstore.notification.mail.application;

import java.util.Locale;
import java.util.Objects;

/**
 * Whom a mail goes to, in which language.
 *
 * @param name how to address them, or null (the staff)
 * @param language {@code zh-CN} or {@code en}
 */
public record Recipient(String address, String name, String language) {

    public static final String CHINESE = "zh-CN";
    public static final String ENGLISH = "en";

    public Recipient {
        Objects.requireNonNull(address, "address");
        language = ENGLISH.equals(language) ? ENGLISH : CHINESE;
    }

    /** The locale its texts are written in: Simplified Chinese unless the person chose English. */
    public Locale locale() {
        return ENGLISH.equals(language) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }
}
