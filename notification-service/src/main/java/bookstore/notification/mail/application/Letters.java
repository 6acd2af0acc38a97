package bookstore.notification.mail.application;

import bookstore.notification.directory.application.OrderSummary;
import bookstore.notification.mail.domain.EndReason;
import bookstore.notification.mail.domain.MailKind;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Words each kind of mail in its recipient's language, from the texts in {@code mail/messages_*.properties}: money
 * as {@code ¥12.30}, times in China Standard Time (the shop's), reasons as people say them, links into the
 * storefront.
 */
public final class Letters {

    /** The shop's time zone: every time in a mail is a time in China. */
    static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter CHINESE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'（北京时间）'");
    private static final DateTimeFormatter ENGLISH_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm '(China time)'");

    private final MessageSource texts;
    private final URI shopUrl;

    public Letters(MessageSource texts, URI shopUrl) {
        this.texts = texts;
        this.shopUrl = shopUrl;
    }

    /**
     * The letter for a mail.
     *
     * @param order the order an order mail is about, or null if unknown
     * @param titles the titles of the books the mail names, by book id
     */
    public Letter write(
            MailKind kind,
            Map<String, String> facts,
            Instant occurredAt,
            String orderId,
            Recipient to,
            OrderSummary order,
            Map<String, String> titles) {
        Wording words = new Wording(to.locale());
        String key = kind.name();
        String greeting = to.name() == null ? words.text("greeting.staff") : words.text("greeting.named", to.name());
        List<String> paragraphs = new ArrayList<>();
        List<Letter.Fact> shown = new ArrayList<>();
        List<Letter.Line> lines = new ArrayList<>();
        String total = null;
        Letter.Action action = null;
        String subject;
        switch (kind) {
            case WELCOME_VERIFICATION, EMAIL_VERIFICATION, PASSWORD_RESET -> {
                subject = words.text(key + ".subject");
                paragraphs.add(words.text(key + ".intro"));
                paragraphs.add(words.text(key + ".link", words.time(Instant.parse(facts.get(Facts.EXPIRES_AT)))));
                String path = kind == MailKind.PASSWORD_RESET ? "reset-password" : "verify-email";
                action = new Letter.Action(words.text(key + ".action"), link(path, facts.get(Facts.TOKEN)));
                paragraphs.add(words.text(key + ".ignore"));
            }
            case PASSWORD_CHANGED -> {
                subject = words.text(key + ".subject");
                boolean byReset = Boolean.parseBoolean(facts.get(Facts.BY_RESET));
                paragraphs.add(words.text(key + (byReset ? ".byReset" : ".changed"), words.time(occurredAt)));
                paragraphs.add(words.text(key + ".notYou"));
            }
            case LOW_STOCK -> {
                String bookId = facts.get(Facts.BOOK_ID);
                String title = titles.getOrDefault(bookId, bookId);
                subject = words.text(key + ".subject", title);
                paragraphs.add(
                        words.text(key + ".body", title, facts.get(Facts.AVAILABLE), facts.get(Facts.THRESHOLD)));
                shown.add(new Letter.Fact(words.text("fact.book"), bookId));
                action = new Letter.Action(words.text(key + ".action"), link("admin/inventory/" + bookId, null));
            }
            default -> {
                subject = words.text(key + ".subject", orderId, amount(facts));
                shown.add(new Letter.Fact(words.text("fact.order"), orderId));
                paragraphs.addAll(orderParagraphs(kind, facts, occurredAt, words));
                if (kind == MailKind.ORDER_CONFIRMED && order != null) {
                    for (OrderSummary.Line line : order.lines()) {
                        lines.add(new Letter.Line(
                                titles.getOrDefault(line.bookId(), line.bookId()),
                                line.quantity(),
                                money(line.unitPrice(), order.currency())));
                    }
                }
                if (kind == MailKind.ORDER_CONFIRMED) {
                    total = amount(facts);
                }
                if (kind == MailKind.ORDER_SHIPPED) {
                    String carrier = facts.get(Facts.CARRIER);
                    shown.add(new Letter.Fact(words.text("fact.carrier"), words.textOr("carrier." + carrier, carrier)));
                    shown.add(new Letter.Fact(words.text("fact.trackingNumber"), facts.get(Facts.TRACKING_NUMBER)));
                }
                action = new Letter.Action(words.text("order.action"), link("orders/" + orderId, null));
            }
        }
        return new Letter(
                to.locale(), subject, greeting, paragraphs, action, lines, total, shown, words.text("signature"));
    }

    private List<String> orderParagraphs(MailKind kind, Map<String, String> facts, Instant occurredAt, Wording words) {
        String key = kind.name();
        return switch (kind) {
            case ORDER_REJECTED, PAYMENT_FAILED, ORDER_CANCELLED ->
                List.of(words.text("reason." + EndReason.valueOf(facts.get(Facts.REASON))), words.text(key + ".body"));
            case ORDER_DELIVERED -> List.of(words.text(key + ".body", words.time(occurredAt)));
            case RETURN_REJECTED -> List.of(words.text(key + ".body", facts.get(Facts.REASON)));
            case ORDER_REFUNDED, RETURN_COMPLETED -> List.of(words.text(key + ".body", amount(facts)));
            default -> List.of(words.text(key + ".body"));
        };
    }

    private static String amount(Map<String, String> facts) {
        String amount = facts.get(Facts.AMOUNT);
        return amount == null ? "" : money(Long.parseLong(amount), facts.get(Facts.CURRENCY));
    }

    /** Minor units as people read them: {@code ¥12.30} for yuan, {@code USD 12.30} otherwise. */
    static String money(long minorUnits, String currency) {
        Currency unit = Currency.getInstance(currency);
        String value =
                BigDecimal.valueOf(minorUnits, unit.getDefaultFractionDigits()).toPlainString();
        return "CNY".equals(currency) ? "¥" + value : currency + " " + value;
    }

    private String link(String path, String token) {
        UriComponentsBuilder link = UriComponentsBuilder.fromUri(shopUrl).path("/" + path);
        if (token != null) {
            link.queryParam("token", token);
        }
        return link.encode().build().toUriString();
    }

    /** The texts of one language. */
    private final class Wording {

        private final Locale locale;

        Wording(Locale locale) {
            this.locale = locale;
        }

        String text(String key, Object... args) {
            return texts.getMessage(key, args, locale);
        }

        String textOr(String key, String fallback) {
            return texts.getMessage(key, null, fallback, locale);
        }

        String time(Instant instant) {
            DateTimeFormatter format = Locale.ENGLISH.equals(locale) ? ENGLISH_TIME : CHINESE_TIME;
            return format.format(instant.atZone(SHOP_ZONE));
        }
    }
}
