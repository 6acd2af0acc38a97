package bookstore.user.account.web;

import bookstore.user.account.domain.Language;

/** The languages a request may name, as its bodies validate them. */
final class LanguageTag {

    static final String PATTERN = "zh-CN|en";
    static final String MESSAGE = "must be zh-CN or en";

    private LanguageTag() {}

    /** The language named, or {@code null} when none was. */
    static Language of(String tag) {
        return tag == null ? null : Language.of(tag);
    }
}
