package bookstore.payment.provider.sandbox;

import bookstore.payment.provider.sandbox.SandboxWallet.Bill;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * The sandbox's "scan to pay" page: what a person sees on their phone after scanning a sandbox QR
 * code, or in the browser a sandbox link leads to (a wallet's cashier, a card's 3-D Secure). It
 * shows the bill as the wallet would (merchant, subject, amount, expiry, status) and lets the person
 * pay or refuse; the wallet named by the token's prefix does the rest, notifying the shop as the real
 * provider would.
 *
 * <p>Rendered on the server, self-contained (one inline style allowed by its hash, no script, no
 * other resource), every value HTML-escaped, in zh-CN or en from {@code Accept-Language} ({@code
 * ?lang=} overrides). It is a page for people in the sandbox, not part of the service's API: routed
 * as a function, outside the OpenAPI document, and only where a sandbox wallet exists.
 */
final class SandboxPayPage {

    static final String TOKEN = "token";

    /** Beijing time, as the wallets show it. */
    private static final ZoneId SHOWN_IN = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static final String STYLE = """
            body{margin:0;font:16px/1.5 -apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;\
            background:#f5f6f7;color:#1f2329}
            header{background:var(--brand);color:#fff;padding:16px 20px;font-size:18px;font-weight:600}
            main{max-width:420px;margin:0 auto;padding:20px}
            .bill{background:#fff;border-radius:12px;padding:20px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
            .amount{font-size:36px;font-weight:600;text-align:center;margin:8px 0 16px}
            dl{display:grid;grid-template-columns:auto 1fr;gap:8px 16px;margin:0}
            dt{color:#646a73}dd{margin:0;text-align:right;overflow-wrap:anywhere}
            .status{margin:16px 0 0;padding:10px;border-radius:8px;text-align:center;background:#f2f3f5}
            .status.PAID{background:#e8f7ee;color:#0a7a3e}.status.DECLINED,.status.CLOSED,.status.EXPIRED{\
            background:#fdecec;color:#b42318}
            form{margin:0}.actions{display:grid;gap:12px;margin-top:20px}
            button{width:100%;padding:14px;border-radius:8px;font-size:17px;border:1px solid var(--brand);cursor:pointer}
            .pay{background:var(--brand);color:#fff}.refuse{background:#fff;color:var(--brand)}
            .alipay{--brand:#1062d6}.wechatpay,.wechat{--brand:#067a45}.card{--brand:#5f6368}
            .note{color:#646a73;font-size:13px;text-align:center;margin-top:20px}
            """;

    /** The page's content security policy: its one style, by hash; forms post back here; nothing else. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(STYLE)
            + "'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    static final String REFERRER_POLICY = "Referrer-Policy";

    private final Map<String, SandboxWallet> wallets;

    SandboxPayPage(List<SandboxWallet> wallets) {
        this.wallets = wallets.stream().collect(Collectors.toMap(SandboxWallet::name, Function.identity()));
    }

    /** The page's routes: nothing at all when there is no wallet to pay with. */
    RouterFunction<ServerResponse> routes() {
        if (wallets.isEmpty()) {
            return request -> Mono.empty();
        }
        return RouterFunctions.route()
                .GET(SandboxPayLinks.PATH + "{" + TOKEN + "}", request -> answer(request, SandboxWallet::bill))
                .POST(SandboxPayLinks.PATH + "{" + TOKEN + "}/approve", this::approve)
                .POST(
                        SandboxPayLinks.PATH + "{" + TOKEN + "}/decline",
                        request -> answer(request, SandboxWallet::decline))
                .build();
    }

    /**
     * Pays; {@code ?notify-after=<seconds>} (0 to 3600) holds the provider's notification back that
     * long, to play a notification that reaches the shop late.
     */
    private Mono<ServerResponse> approve(ServerRequest request) {
        Duration delay;
        try {
            delay = Duration.ofSeconds(
                    Integer.parseInt(request.queryParam("notify-after").orElse("0")));
        } catch (NumberFormatException e) {
            delay = Duration.ofSeconds(-1);
        }
        if (delay.isNegative() || delay.compareTo(LONGEST_NOTIFICATION_DELAY) > 0) {
            return ServerResponse.badRequest()
                    .contentType(MediaType.TEXT_PLAIN)
                    .bodyValue("notify-after takes a number of seconds from 0 to 3600");
        }
        Duration notificationDelay = delay;
        return answer(request, (wallet, token) -> wallet.approve(token, notificationDelay));
    }

    private static final Duration LONGEST_NOTIFICATION_DELAY = Duration.ofHours(1);

    private Mono<ServerResponse> answer(ServerRequest request, WalletStep step) {
        String token = request.pathVariable(TOKEN);
        Language language = Language.of(request);
        int hyphen = token.indexOf('-');
        SandboxWallet wallet = hyphen > 0 ? wallets.get(token.substring(0, hyphen)) : null;
        Mono<Bill> bill = wallet == null ? Mono.empty() : step.apply(wallet, token);
        return bill.flatMap(found -> page(HttpStatus.OK, language, found.wallet(), billHtml(found, language)))
                .switchIfEmpty(Mono.defer(() -> page(HttpStatus.NOT_FOUND, language, "card", notFoundHtml(language))));
    }

    private static Mono<ServerResponse> page(HttpStatus status, Language language, String wallet, String main) {
        String html = """
                <!DOCTYPE html>
                <html lang="%s">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>%s</style>
                </head>
                <body class="%s">
                <header>%s</header>
                <main>
                %s
                <p class="note">%s</p>
                </main>
                </body>
                </html>
                """.formatted(
                        language.tag,
                        escape(language.text("title")),
                        STYLE,
                        escape(wallet),
                        escape(language.walletName(wallet)),
                        main,
                        escape(language.text("note")));
        return ServerResponse.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                // Not the gateway's no-referrer: under it a browser posts the forms with "Origin: null", which the
                // gateway refuses as a foreign origin. Same-origin keeps the address from leaving the shop all the
                // same.
                .header(REFERRER_POLICY, "same-origin")
                .header(HttpHeaders.CONTENT_LANGUAGE, language.tag)
                .bodyValue(html);
    }

    private static String billHtml(Bill bill, Language language) {
        String buttons = "WAITING".equals(bill.status())
                ? """
                <div class="actions">
                <form method="post" action="%1$s/approve?lang=%2$s"><button class="pay" type="submit">%3$s</button></form>
                <form method="post" action="%1$s/decline?lang=%2$s"><button class="refuse" type="submit">%4$s</button></form>
                </div>
                """.formatted(
                                escape(SandboxPayLinks.PATH + bill.token()),
                                language.code,
                                escape(language.text("approve")),
                                escape(language.text("decline")))
                : "";
        String expiry = bill.expiresAt() == null
                ? language.text("never")
                : EXPIRY.format(bill.expiresAt().atZone(SHOWN_IN)) + " " + language.text("zone");
        return """
                <section class="bill" aria-label="%s">
                <p class="amount">%s</p>
                <dl>
                <dt>%s</dt><dd>%s</dd>
                <dt>%s</dt><dd>%s</dd>
                <dt>%s</dt><dd>%s</dd>
                </dl>
                <p class="status %s" role="status">%s</p>
                %s</section>
                """.formatted(
                        escape(language.text("bill")),
                        escape(amount(bill)),
                        escape(language.text("merchant")),
                        escape(bill.merchant()),
                        escape(language.text("subject")),
                        escape(bill.subject()),
                        escape(language.text("expires")),
                        escape(expiry),
                        escape(bill.status()),
                        escape(language.status(bill.status())),
                        buttons);
    }

    private static String notFoundHtml(Language language) {
        return "<section class=\"bill\"><p class=\"status DECLINED\" role=\"status\">"
                + escape(language.text("unknown")) + "</p></section>";
    }

    /** Yuan with two decimals and the ¥ sign for CNY; other currencies by their code. */
    static String amount(Bill bill) {
        String major = BigDecimal.valueOf(bill.amount(), 2).toPlainString();
        return "CNY".equalsIgnoreCase(bill.currency()) ? "¥" + major : major + " " + bill.currency();
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @FunctionalInterface
    private interface WalletStep {
        Mono<Bill> apply(SandboxWallet wallet, String token);
    }

    /** The page's two languages and their texts. */
    enum Language {
        ZH(
                "zh",
                "zh-CN",
                Map.ofEntries(
                        Map.entry("title", "扫码支付（沙箱）"),
                        Map.entry("bill", "账单"),
                        Map.entry("merchant", "收款方"),
                        Map.entry("subject", "商品"),
                        Map.entry("expires", "支付截止"),
                        Map.entry("never", "不限"),
                        Map.entry("zone", "（北京时间）"),
                        Map.entry("approve", "确认支付"),
                        Map.entry("decline", "拒绝支付"),
                        Map.entry("unknown", "找不到这笔交易：二维码或链接无效。"),
                        Map.entry("note", "这是书店的支付沙箱，不会产生真实扣款。"),
                        Map.entry("WAITING", "待支付"),
                        Map.entry("PAID", "支付成功"),
                        Map.entry("DECLINED", "已拒绝支付"),
                        Map.entry("CLOSED", "交易已关闭"),
                        Map.entry("EXPIRED", "交易已过期"),
                        Map.entry("alipay", "支付宝"),
                        Map.entry("wechatpay", "微信支付"),
                        Map.entry("wechat", "微信支付"),
                        Map.entry("card", "银行卡安全验证（3-D Secure）"))),
        EN(
                "en",
                "en",
                Map.ofEntries(
                        Map.entry("title", "Scan to pay (sandbox)"),
                        Map.entry("bill", "Bill"),
                        Map.entry("merchant", "Merchant"),
                        Map.entry("subject", "Item"),
                        Map.entry("expires", "Pay by"),
                        Map.entry("never", "No limit"),
                        Map.entry("zone", "(Beijing time)"),
                        Map.entry("approve", "Pay"),
                        Map.entry("decline", "Decline"),
                        Map.entry("unknown", "No such payment: the QR code or link is not valid."),
                        Map.entry("note", "This is the bookstore's payment sandbox; no real money moves."),
                        Map.entry("WAITING", "Awaiting payment"),
                        Map.entry("PAID", "Paid"),
                        Map.entry("DECLINED", "Payment declined"),
                        Map.entry("CLOSED", "Payment closed"),
                        Map.entry("EXPIRED", "Payment expired"),
                        Map.entry("alipay", "Alipay"),
                        Map.entry("wechatpay", "WeChat Pay"),
                        Map.entry("wechat", "WeChat Pay"),
                        Map.entry("card", "Card verification (3-D Secure)")));

        private static final List<Locale.LanguageRange> NONE = List.of();

        /** What {@code ?lang=} takes, and what the page's forms carry on. */
        final String code;

        /** The page's {@code lang} and {@code Content-Language}. */
        final String tag;

        private final Map<String, String> texts;

        Language(String code, String tag, Map<String, String> texts) {
            this.code = code;
            this.tag = tag;
            this.texts = texts;
        }

        /** {@code ?lang=} if it names one, else the first of the browser's languages the page has; Chinese otherwise. */
        static Language of(ServerRequest request) {
            var asked = request.queryParam("lang").map(Language::named);
            if (asked.isPresent() && asked.get() != null) {
                return asked.get();
            }
            List<Locale.LanguageRange> ranges;
            try {
                ranges = request.headers().acceptLanguage();
            } catch (IllegalArgumentException malformed) {
                ranges = NONE;
            }
            for (Locale.LanguageRange range : ranges) {
                Language language = named(range.getRange());
                if (language != null) {
                    return language;
                }
            }
            return ZH;
        }

        private static Language named(String tag) {
            String lower = tag.toLowerCase(Locale.ROOT);
            if (lower.equals("zh") || lower.startsWith("zh-")) {
                return ZH;
            }
            if (lower.equals("en") || lower.startsWith("en-")) {
                return EN;
            }
            return null;
        }

        String text(String key) {
            return texts.get(key);
        }

        String status(String status) {
            return texts.getOrDefault(status, status);
        }

        String walletName(String wallet) {
            return texts.getOrDefault(wallet, wallet);
        }
    }
}
