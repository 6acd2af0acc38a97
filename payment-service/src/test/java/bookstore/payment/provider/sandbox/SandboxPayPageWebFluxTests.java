package bookstore.payment.provider.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import bookstore.payment.provider.sandbox.SandboxWallet.Bill;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** The "scan to pay" page over a wallet written for the test, which records what the page asked of it. */
class SandboxPayPageWebFluxTests {

    static final String TOKEN = "testpay-7f3a";

    final TestWallet wallet = new TestWallet();

    WebTestClient http;

    @BeforeEach
    void pageOverTheTestWallet() {
        wallet.bills.put(
                TOKEN,
                new Bill(
                        TOKEN,
                        "testpay",
                        "图书商城 & Co",
                        "<script>alert('x')</script>《三体》",
                        12_345,
                        "CNY",
                        "WAITING",
                        Instant.parse("2026-12-07T04:00:00Z")));
        http = WebTestClient.bindToRouterFunction(new SandboxPayPage(List.of(wallet)).routes())
                .build();
    }

    @Test
    void showsTheBillWithEveryValueEscapedAndNoScript() {
        String page = page("/api/payments/sandbox/pay/" + TOKEN + "?lang=en");

        assertThat(page)
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;《三体》")
                .contains("图书商城 &amp; Co")
                .contains("¥123.45")
                .contains("2026-12-07 12:00:00 (Beijing time)")
                .contains("Awaiting payment")
                .doesNotContain("<script")
                .doesNotContain("src=")
                .doesNotContain("href=");
    }

    @Test
    void speaksChineseOrEnglishByTheBrowsersLanguageAndLangOverrides() {
        http.get()
                .uri("/api/payments/sandbox/pay/" + TOKEN)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN,zh;q=0.9,en;q=0.8")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.CONTENT_LANGUAGE, "zh-CN")
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("<html lang=\"zh-CN\">", "确认支付", "拒绝支付", "待支付", "（北京时间）"));

        http.get()
                .uri("/api/payments/sandbox/pay/" + TOKEN)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.9")
                .exchange()
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("<html lang=\"en\">", ">Pay<", ">Decline<"));

        http.get()
                .uri("/api/payments/sandbox/pay/" + TOKEN + "?lang=zh")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .exchange()
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("<html lang=\"zh-CN\">", "确认支付"));
    }

    @Test
    void isSelfContainedUnderItsOwnContentSecurityPolicy() {
        http.get()
                .uri("/api/payments/sandbox/pay/" + TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader()
                .valueEquals("Content-Security-Policy", SandboxPayPage.CONTENT_SECURITY_POLICY)
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                // A browser posts the forms with the page's origin (no-referrer would make it "null").
                .expectHeader()
                .valueEquals("Referrer-Policy", "same-origin");
        assertThat(SandboxPayPage.CONTENT_SECURITY_POLICY)
                .startsWith("default-src 'none'; style-src 'sha256-")
                .contains("form-action 'self'")
                .doesNotContain("unsafe");
    }

    @Test
    void approvingAsksTheTokensWalletAndShowsThePaidBill() {
        String page = posted("/api/payments/sandbox/pay/" + TOKEN + "/approve?lang=en");

        assertThat(wallet.asked).containsExactly("approve " + TOKEN);
        assertThat(page).contains("class=\"status PAID\"", "Paid").doesNotContain("<form");
    }

    @Test
    void approvingCanHoldTheNotificationBackForAGivenNumberOfSeconds() {
        String paid = posted("/api/payments/sandbox/pay/" + TOKEN + "/approve?notify-after=45");

        assertThat(wallet.asked).containsExactly("approve " + TOKEN + " notifying after PT45S");
        assertThat(paid).contains("class=\"status PAID\"");
        for (String wrong : List.of("-1", "3601", "soon")) {
            http.post()
                    .uri("/api/payments/sandbox/pay/" + TOKEN + "/approve?notify-after=" + wrong)
                    .exchange()
                    .expectStatus()
                    .isBadRequest();
        }
        assertThat(wallet.asked).hasSize(1);
    }

    @Test
    void decliningAsksTheTokensWalletAndShowsTheDeclinedBill() {
        String page = posted("/api/payments/sandbox/pay/" + TOKEN + "/decline?lang=zh");

        assertThat(wallet.asked).containsExactly("decline " + TOKEN);
        assertThat(page).contains("class=\"status DECLINED\"", "已拒绝支付").doesNotContain("<form");
    }

    @Test
    void formsPostToTheTokensApproveAndDeclineInTheShownLanguage() {
        assertThat(page("/api/payments/sandbox/pay/" + TOKEN + "?lang=en"))
                .contains("action=\"/api/payments/sandbox/pay/" + TOKEN + "/approve?lang=en\"")
                .contains("action=\"/api/payments/sandbox/pay/" + TOKEN + "/decline?lang=en\"");
    }

    @Test
    void anUnknownTokenIsANotFoundPageAndAsksNoWalletToPay() {
        for (String token : List.of("testpay-unknown", "otherwallet-7f3a", "nohyphen", "-7f3a")) {
            http.get()
                    .uri("/api/payments/sandbox/pay/" + token + "?lang=en")
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectBody(String.class)
                    .value(page -> assertThat(page).contains("No such payment"));
            http.post()
                    .uri("/api/payments/sandbox/pay/" + token + "/approve")
                    .exchange()
                    .expectStatus()
                    .isNotFound();
        }
        // Only the token with the wallet's prefix reached the wallet, which did not know it.
        assertThat(wallet.asked).containsExactly("approve testpay-unknown");
    }

    @Test
    void withoutAWalletThereIsNoPage() {
        WebTestClient.bindToRouterFunction(new SandboxPayPage(List.of()).routes())
                .build()
                .get()
                .uri("/api/payments/sandbox/pay/" + TOKEN)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    /** Pays, refuses and shows bills it keeps in memory; a token it does not hold is empty. */
    static final class TestWallet implements SandboxWallet {

        final Map<String, Bill> bills = new ConcurrentHashMap<>();
        final List<String> asked = new ArrayList<>();

        @Override
        public String name() {
            return "testpay";
        }

        @Override
        public Mono<Bill> bill(String token) {
            return Mono.justOrEmpty(Optional.ofNullable(bills.get(token)));
        }

        @Override
        public Mono<Bill> approve(String token, Duration notificationDelay) {
            asked.add("approve " + token + (notificationDelay.isZero() ? "" : " notifying after " + notificationDelay));
            return settle(token, "PAID");
        }

        @Override
        public Mono<Bill> decline(String token) {
            asked.add("decline " + token);
            return settle(token, "DECLINED");
        }

        private Mono<Bill> settle(String token, String status) {
            return Mono.justOrEmpty(Optional.ofNullable(bills.computeIfPresent(
                    token,
                    (key, bill) -> new Bill(
                            bill.token(),
                            bill.wallet(),
                            bill.merchant(),
                            bill.subject(),
                            bill.amount(),
                            bill.currency(),
                            status,
                            bill.expiresAt()))));
        }
    }

    private String page(String uri) {
        return body(http.get().uri(uri));
    }

    private String posted(String uri) {
        return body(http.post().uri(uri));
    }

    private static String body(WebTestClient.RequestHeadersSpec<?> request) {
        return request.exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }
}
