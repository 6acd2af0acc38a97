package bookstore.systemtests.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.systemtests.support.Books;
import bookstore.systemtests.support.Customer;
import bookstore.systemtests.support.Ledger;
import bookstore.systemtests.support.Orders;
import bookstore.systemtests.support.Shop;
import bookstore.systemtests.support.SystemTest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Paying the way Chinese customers pay, end to end through the gateway on the running shop: an order
 * paid with the sandbox's Alipay or WeChat Pay awaits payment with a QR code that leads to the
 * sandbox's "scan to pay" page, where approving it confirms the order (the providers' real SDKs and
 * signature schemes on both sides); an order nobody pays is cancelled at its deadline, its stock
 * released and its trade closed at the provider; a payment that lands after the close is given
 * back; the refunds of cancelled and returned orders go back through the provider that was paid; and
 * after a mixed run the money adds up.
 */
@SystemTest
class WalletPaymentSystemTests {

    static final String ALIPAY = "alipay_qr";
    static final String WECHAT = "wechat_native";

    /** The test shop's payment timeout ({@code ORDER_PAYMENT_TIMEOUT}), and some room for the scan. */
    private static final Duration PAST_THE_DEADLINE = Duration.ofSeconds(90);

    /** How long a late notification is held back: well past the test shop's 30 s payment deadline. */
    private static final Duration LATE = Duration.ofSeconds(75);

    private final Shop shop;

    WalletPaymentSystemTests(Shop shop) {
        this.shop = shop;
    }

    @Test
    void anOrderPaidWithSandboxAlipayAwaitsPaymentWithAQrCodeAndTheScanConfirmsIt() {
        paidThroughTheQrPage(ALIPAY, "alipay");
    }

    @Test
    void anOrderPaidWithSandboxWeChatPayAwaitsPaymentWithAQrCodeAndTheScanConfirmsIt() {
        paidThroughTheQrPage(WECHAT, "wechatpay");
    }

    @Test
    void anUnpaidOrderIsCancelledAtItsDeadlineItsStockReleasedAndItsTradeClosedSoItCannotBePaid() {
        String bookId = Books.addOrderable(shop, "Unpaid " + System.nanoTime(), 2_600, 3);
        Customer buyer = shop.newCustomer();
        String orderId = place(buyer, bookId, 2, WECHAT);
        String page = pageOf(Orders.awaitStatus(buyer, orderId, "AWAITING_PAYMENT"));
        assertThat(Books.stock(shop, bookId).available()).isEqualTo(1);

        JsonNode cancelled = Orders.awaitStatus(buyer, orderId, Set.of("CANCELLED"), PAST_THE_DEADLINE);

        assertThat(cancelled.get("failureReason").asString()).isEqualTo("timeout");
        await("the stock is released")
                .atMost(Duration.ofSeconds(30))
                .until(() -> Books.stock(shop, bookId).available() == 3);
        JsonNode payment = await("the trade is closed at the provider")
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> paymentOf(buyer, orderId),
                        closed -> closed.get("status").asString().equals("CANCELLED"));
        // The wallet shows it closed (or, had the scan come after its expiry, expired) and will not take it.
        assertThat(statusOnThePage(page)).isIn("CLOSED", "EXPIRED");
        shop.client().post(page + "/approve", null);
        assertThat(statusOnThePage(page)).isIn("CLOSED", "EXPIRED");
        assertThat(payment.get("refunded").get("amount").asLong()).isZero();
        assertThat(buyer.get("/api/orders/" + orderId)
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("CANCELLED");
    }

    @Test
    void aPaymentWhoseNotificationComesAfterTheDeadlineIsFoundAtTheCloseAndGivenBack() {
        String bookId = Books.addOrderable(shop, "Paid late " + System.nanoTime(), 5_100, 2);
        Customer buyer = shop.newCustomer();
        String orderId = place(buyer, bookId, 1, ALIPAY);
        String page = pageOf(Orders.awaitStatus(buyer, orderId, "AWAITING_PAYMENT"));

        // Paid at once, but Alipay's notification of it is held back past the order's deadline.
        shop.client()
                .post(page + "/approve?notify-after=" + LATE.toSeconds(), null)
                .expect(200);

        JsonNode cancelled = Orders.awaitStatus(buyer, orderId, Set.of("CANCELLED"), PAST_THE_DEADLINE);
        assertThat(cancelled.get("failureReason").asString()).isEqualTo("timeout");
        JsonNode refunded = await("the money taken is given back")
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> paymentOf(buyer, orderId),
                        payment -> payment.get("status").asString().equals("REFUNDED"));
        assertThat(refunded.get("provider").asString()).isEqualTo("alipay");
        assertThat(refunded.get("refunded").get("amount").asLong()).isEqualTo(5_100);
        await("the stock is released")
                .atMost(Duration.ofSeconds(30))
                .until(() -> Books.stock(shop, bookId).available() == 2);
        await("the order knows what was given back")
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> buyer.get("/api/orders/" + orderId).expect(200).json(),
                        order -> order.get("refunded").isObject()
                                && order.get("refunded").get("amount").asLong() == 5_100);
    }

    @Test
    void aCancelledAlipayOrderIsRefundedThroughAlipayAndAReturnedWeChatOrderThroughWeChatPay() {
        String bookId = Books.addOrderable(shop, "Refunded " + System.nanoTime(), 4_200, 5);
        Customer buyer = shop.newCustomer();
        Customer admin = shop.admin();

        String cancelledOrder = place(buyer, bookId, 1, ALIPAY);
        approve(pageOf(Orders.awaitStatus(buyer, cancelledOrder, "AWAITING_PAYMENT")));
        Orders.awaitStatus(buyer, cancelledOrder, "CONFIRMED");
        buyer.post("/api/orders/" + cancelledOrder + "/cancel", null).expect(200);
        JsonNode refunded = await("the Alipay payment is refunded")
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> paymentOf(buyer, cancelledOrder),
                        payment -> payment.get("status").asString().equals("REFUNDED"));
        assertThat(refunded.get("provider").asString()).isEqualTo("alipay");
        assertThat(refunded.get("refunded").get("amount").asLong()).isEqualTo(4_200);

        String returnedOrder = place(buyer, bookId, 2, WECHAT);
        approve(pageOf(Orders.awaitStatus(buyer, returnedOrder, "AWAITING_PAYMENT")));
        Orders.awaitStatus(buyer, returnedOrder, "CONFIRMED");
        String path = "/api/orders/" + returnedOrder;
        admin.post(path + "/ship", Map.of("carrier", "shunfeng", "trackingNumber", "SF" + System.nanoTime()))
                .expect(200);
        admin.post(path + "/deliver", null).expect(200);
        String returnId = buyer.post(
                        path + "/returns",
                        Map.of("items", List.of(Map.of("bookId", bookId, "quantity", 1)), "reason", "多买了一本"))
                .expect(201)
                .json()
                .get("returns")
                .get(0)
                .get("id")
                .asString();
        admin.post(path + "/returns/" + returnId + "/approve", null).expect(200);
        buyer.post(path + "/returns/" + returnId + "/send-back", Map.of()).expect(200);
        admin.post(
                        path + "/returns/" + returnId + "/receive",
                        Map.of("copies", List.of(Map.of("bookId", bookId, "resalable", 1, "damaged", 0))))
                .expect(200);
        await("the return is refunded").atMost(Duration.ofSeconds(30)).until(() -> buyer.get(path)
                .expect(200)
                .json()
                .get("returns")
                .get(0)
                .get("status")
                .asString()
                .equals("COMPLETED"));
        JsonNode partlyRefunded = paymentOf(buyer, returnedOrder);
        assertThat(partlyRefunded.get("provider").asString()).isEqualTo("wechatpay");
        assertThat(partlyRefunded.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(partlyRefunded.get("refunded").get("amount").asLong()).isEqualTo(4_200);
        assertThat(partlyRefunded.get("refunds").get(0).get("status").asString())
                .isEqualTo("SUCCEEDED");
    }

    @Test
    void afterAMixedRunOfCardsAlipayAndWeChatPayWithTimeoutsTheMoneyAddsUp() {
        String bookId = Books.addOrderable(shop, "Mixed " + System.nanoTime(), 1_900, 40);
        Ledger ledger = new Ledger();
        List<String> toPay = new ArrayList<>();
        List<String> paidLate = new ArrayList<>();
        String[] methods = {Orders.VISA, ALIPAY, WECHAT, Orders.DECLINED, ALIPAY, WECHAT};
        for (int i = 0; i < 12; i++) {
            Customer buyer = shop.newCustomer();
            String method = methods[i % methods.length];
            var accepted = Orders.place(buyer, bookId, 1 + i % 2, method);
            ledger.add(buyer, accepted);
            String orderId = accepted.json().get("id").asString();
            // Most wallet orders are paid; one is paid with its notification coming after the deadline, the
            // others wait until their deadline passes.
            if (!method.startsWith("pm_") && i % 4 != 3) {
                (i == 2 ? paidLate : toPay).add(orderId);
            }
        }
        for (String orderId : toPay) {
            Customer owner = ledger.ownerOf(orderId);
            approve(pageOf(Orders.awaitStatus(owner, orderId, "AWAITING_PAYMENT")));
        }
        for (String orderId : paidLate) {
            Customer owner = ledger.ownerOf(orderId);
            shop.client()
                    .post(
                            pageOf(Orders.awaitStatus(owner, orderId, "AWAITING_PAYMENT")) + "/approve?notify-after="
                                    + LATE.toSeconds(),
                            null)
                    .expect(200);
        }

        List<JsonNode> ended = ledger.awaitAllTerminal(PAST_THE_DEADLINE);

        assertThat(ended.stream().map(order -> order.get("status").asString())).contains("CONFIRMED", "CANCELLED");
        Ledger.assertStockConserved(shop, bookId, 40, ended);
        Ledger.awaitMoneyConserved(shop, ended, Duration.ofSeconds(30));
    }

    private void paidThroughTheQrPage(String method, String provider) {
        String bookId = Books.addOrderable(shop, "Scanned " + provider + " " + System.nanoTime(), 3_300, 4);
        Customer buyer = shop.newCustomer();
        String orderId = place(buyer, bookId, 1, method);

        JsonNode awaiting = Orders.awaitStatus(buyer, orderId, "AWAITING_PAYMENT");
        JsonNode action = awaiting.get("paymentAction");
        assertThat(action.get("provider").asString()).isEqualTo(provider);
        assertThat(action.get("kind").asString()).isEqualTo("QR_CODE");
        assertThat(action.get("value").asString()).startsWith(shop.gateway() + "/api/payments/sandbox/pay/" + provider);
        String page = pageOf(awaiting);
        assertThat(shop.client().get(page).expect(200).body()).contains("33.00");
        assertThat(statusOnThePage(page)).isEqualTo("WAITING");

        approve(page);

        JsonNode confirmed = Orders.awaitStatus(buyer, orderId, "CONFIRMED");
        assertThat(confirmed.get("statusHistory").findValuesAsString("status"))
                .containsExactly("PENDING", "AWAITING_PAYMENT", "CONFIRMED");
        assertThat(confirmed.get("paymentAction").isNull()).isTrue();
        JsonNode payment = paymentOf(buyer, orderId);
        assertThat(payment.get("provider").asString()).isEqualTo(provider);
        assertThat(payment.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(payment.get("amount").get("amount").asLong()).isEqualTo(3_300);
        assertThat(Books.stock(shop, bookId).available()).isEqualTo(3);
    }

    private static String place(Customer buyer, String bookId, int quantity, String method) {
        return Orders.place(buyer, bookId, quantity, method)
                .expect(202)
                .json()
                .get("id")
                .asString();
    }

    /** The path of the sandbox's page the order's QR code leads to, as a phone would open it. */
    private static String pageOf(JsonNode order) {
        return URI.create(order.get("paymentAction").get("value").asString()).getPath();
    }

    /** The person scans the code and approves the payment in the wallet. */
    private void approve(String page) {
        shop.client().post(page + "/approve", null).expect(200);
    }

    /** The trade's status as the sandbox's page shows it (the class of its status line). */
    private String statusOnThePage(String page) {
        Matcher status = STATUS_LINE.matcher(shop.client().get(page).expect(200).body());
        assertThat(status.find()).as("the page's status line").isTrue();
        return status.group(1);
    }

    private static final Pattern STATUS_LINE = Pattern.compile("<p class=\"status ([A-Z]+)\" role=\"status\">");

    private static JsonNode paymentOf(Customer owner, String orderId) {
        JsonNode items =
                owner.get("/api/payments?orderId=" + orderId).expect(200).json().get("items");
        assertThat(items.size()).as("payments of order " + orderId).isEqualTo(1);
        return items.get(0);
    }
}
