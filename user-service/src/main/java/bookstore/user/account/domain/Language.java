package bookstore.user.account.domain;

import java.util.Arrays;

/** The language every message to the person is written in, as the BCP 47 tag the shop uses. */
public enum Language {
    ZH_CN("zh-CN"),
    EN("en");

    /** What an account speaks until its owner says otherwise. */
    public static final Language DEFAULT = ZH_CN;

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public static Language of(String tag) {
        return Arrays.stream(values())
                .filter(language -> language.tag.equals(tag))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("language must be zh-CN or en"));
    }
}
