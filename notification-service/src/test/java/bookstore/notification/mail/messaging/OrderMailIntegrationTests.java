package bookstore.notification.mail.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.embedded.MailServer.Mail;
import bookstore.events.Topics;
import bookstore.events.inventory.LowStockDetected;
import bookstore.events.order.OrderCancelled;
import bookstore.events.order.OrderConfirmed;
import bookstore.events.order.OrderDelivered;
import bookstore.events.order.OrderPlaced;
import bookstore.events.order.OrderRefunded;
import bookstore.events.order.OrderRejected;
import bookstore.events.order.OrderShipped;
import bookstore.events.order.ReturnApproved;
import bookstore.events.order.ReturnCompleted;
import bookstore.events.order.ReturnItem;
import bookstore.events.order.ReturnRejected;
import bookstore.events.order.ReturnRequested;
import bookstore.notification.EventSender;
import bookstore.notification.Mailbox;
import bookstore.notification.NotificationServiceTest;
import bookstore.notification.Shop;
import bookstore.notification.Shop.Customer;
import bookstore.platform.messaging.EventCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Order mail goes to the customer the order events name by pseudonym, found in the directory when it is sent, in the
 * language the customer has then; low-stock alerts go to the staff.
 */
@NotificationServiceTest
class OrderMailIntegrationTests {

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    EventCodec codec;

    @Autowired
    Mailbox mailbox;

    @Autowired
    DatabaseClient database;

    Shop shop;
    EventSender events;

    @BeforeEach
    void connect() {
        events = new EventSender(kafka, codec);
        shop = new Shop(events);
    }

    /** Every mail of an order's life after payment, with the facts it must carry, in both languages. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            zh-CN | 李雷，您好： | 已确认 | 合计 | 顺丰速运 | 已发货 | 已送达 | 已收到 | 退货申请已通过 | 未通过 | 原因：书有划痕 | 退货已完成 | ¥45.50 | 有一笔退款 | ¥5.00
            en    | Hello 李雷, | is confirmed | Total | SF Express | has shipped | was delivered | return request | is approved | was not approved | The reason we were given: 书有划痕 | is complete | ¥45.50 | A refund | ¥5.00
            """)
    void tellsTheCustomerEveryStepOfAnOrder(
            String language,
            String greeting,
            String confirmed,
            String total,
            String carrier,
            String shipped,
            String delivered,
            String requested,
            String approved,
            String rejected,
            String rejection,
            String completed,
            String refundedForReturn,
            String refunded,
            String refundedAmount) {
        Customer customer = shop.customer("李雷", language);
        String first = shop.book("三体", 3250);
        String second = shop.book("Clean <Code>", 4550);
        OrderPlaced placed = shop.placed(customer, first, 3250, second, 4550);
        String order = placed.orderId();
        events.send(
                Topics.ORDER_EVENTS,
                placed,
                new OrderConfirmed(UUID.randomUUID(), Instant.now(), order, placed.total()),
                new OrderShipped(UUID.randomUUID(), Instant.now(), order, "shunfeng", "SF1234567890"),
                new OrderDelivered(
                        UUID.randomUUID(),
                        Instant.parse("2026-12-07T06:00:00Z"),
                        order,
                        customer.pseudonym(),
                        placed.lines()),
                new ReturnRequested(
                        UUID.randomUUID(),
                        Instant.now(),
                        order,
                        "r-1",
                        customer.pseudonym(),
                        List.of(new ReturnItem(second, 1)),
                        "wrong book"),
                new ReturnRejected(UUID.randomUUID(), Instant.now(), order, "r-1", "书有划痕"),
                new ReturnRequested(
                        UUID.randomUUID(),
                        Instant.now(),
                        order,
                        "r-2",
                        customer.pseudonym(),
                        List.of(new ReturnItem(second, 1)),
                        "changed my mind"),
                new ReturnApproved(UUID.randomUUID(), Instant.now(), order, "r-2", false),
                new OrderRefunded(UUID.randomUUID(), Instant.now(), order, "f-1", "r-2", Shop.yuan(4550), "return r-2"),
                new ReturnCompleted(UUID.randomUUID(), Instant.now(), order, "r-2", Shop.yuan(4550)),
                new OrderRefunded(UUID.randomUUID(), Instant.now(), order, "f-2", null, Shop.yuan(500), "damaged"));

        // Confirmed, shipped, delivered, two requests, rejected, approved, completed, refunded: the return's own
        // refund is told by its completion, not twice.
        List<Mail> mails = mailbox.await(customer.email(), 9);
        assertThat(mails).hasSize(9).allSatisfy(mail -> {
            assertThat(mail.text()).startsWith(greeting).contains(order);
            assertThat(mail.html()).contains("href=\"https://shop.test/orders/" + order + "\"");
            assertThat(mail.language()).isEqualTo(language);
        });
        Mail confirmation = one(mails, confirmed);
        assertThat(confirmation.text())
                .contains("三体 × 2  ¥32.50")
                .contains("Clean <Code> × 1  ¥45.50")
                .contains(total + ": ¥110.50");
        assertThat(confirmation.html()).contains("Clean &lt;Code&gt;").contains("¥110.50");
        assertThat(one(mails, shipped).text()).contains(carrier).contains("SF1234567890");
        assertThat(one(mails, delivered).text()).contains("2026-12-07 14:00");
        assertThat(mails.stream().filter(mail -> mail.subject().contains(requested)))
                .hasSize(2);
        assertThat(one(mails, approved).subject()).contains(approved);
        assertThat(one(mails, rejected).text()).contains(rejection);
        assertThat(one(mails, completed).text()).contains(refundedForReturn);
        assertThat(one(mails, refunded).text()).contains(refundedAmount);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            未能受理 | 部分图书库存不足 | 付款未成功 | 账户余额不足 | 已取消 | 您取消了该订单
            could not accept | no longer in stock | did not go through | insufficient funds | was cancelled | You cancelled the order
            """)
    void tellsWhyAnOrderEndedInWordsForPeople(
            String rejected, String stock, String paymentFailed, String funds, String cancelled, String byCustomer) {
        Customer customer = shop.customer("Reader", language(rejected));
        String book = shop.book("活着", 2000);
        OrderPlaced short1 = shop.placed(customer, book, 2000, book, 2000);
        OrderPlaced declined = shop.placed(customer, book, 2000, book, 2000);
        OrderPlaced withdrawn = shop.placed(customer, book, 2000, book, 2000);
        events.send(
                Topics.ORDER_EVENTS,
                short1,
                new OrderRejected(UUID.randomUUID(), Instant.now(), short1.orderId(), "insufficient stock"),
                declined,
                new OrderCancelled(
                        UUID.randomUUID(), Instant.now(), declined.orderId(), "payment failed: insufficient_funds"),
                withdrawn,
                new OrderCancelled(UUID.randomUUID(), Instant.now(), withdrawn.orderId(), "cancelled by customer"));

        List<Mail> mails = mailbox.await(customer.email(), 3);
        assertThat(one(mails, rejected).text()).contains(stock).contains(short1.orderId());
        assertThat(one(mails, paymentFailed).text()).contains(funds).doesNotContain("insufficient_funds");
        assertThat(one(mails, cancelled).text()).contains(byCustomer).contains(withdrawn.orderId());
    }

    @Test
    void writesInTheLanguageTheCustomerHasWhenTheMailIsSent() {
        Customer customer = shop.customer("Lin", "en");
        shop.publish(customer, "zh-CN");
        // Contacts and orders are different topics read by different consumers: the change is in before the order.
        await().until(() -> "zh-CN"
                .equals(database.sql("SELECT language FROM contact WHERE user_id = :id")
                        .bind("id", customer.userId())
                        .map(row -> row.get(0, String.class))
                        .one()
                        .block()));
        String book = shop.book("围城", 1800);
        OrderPlaced placed = shop.placed(customer, book, 1800, book, 1800);
        events.send(
                Topics.ORDER_EVENTS,
                placed,
                new OrderConfirmed(UUID.randomUUID(), Instant.now(), placed.orderId(), placed.total()));

        Mail mail = mailbox.awaitOne(customer.email());
        assertThat(mail.subject()).isEqualTo("您的订单 " + placed.orderId() + " 已确认");
        assertThat(mail.text()).startsWith("Lin，您好：");
    }

    @Test
    void anOrderMailWaitsForACustomerTheDirectoryLearnsOfLater() {
        Customer customer = shop.unpublishedCustomer("Late Reader");
        String book = shop.book("边城", 1500);
        OrderPlaced placed = shop.placed(customer, book, 1500, book, 1500);
        events.send(
                Topics.ORDER_EVENTS,
                placed,
                new OrderShipped(UUID.randomUUID(), Instant.now(), placed.orderId(), "yuantong", "YT998877"));

        // Several rounds of the sender (every 200 ms in tests) pass with nobody to send to.
        await().pollDelay(Duration.ofSeconds(1))
                .until(() -> mailbox.to(customer.email()).isEmpty());
        shop.publish(customer, "en");

        Mail mail = mailbox.awaitOne(customer.email());
        assertThat(mail.subject()).isEqualTo("Your order " + placed.orderId() + " has shipped");
        assertThat(mail.text()).contains("YTO Express").contains("YT998877");
    }

    @Test
    void alertsTheStaffOnceWhenABookRunsLow() {
        String book = shop.book("平凡的世界", 5900);
        var low = new LowStockDetected(UUID.randomUUID(), Instant.now(), book, 2, 5);
        events.send(Topics.INVENTORY_STOCK, low);

        org.awaitility.Awaitility.await().until(() -> mailbox.to("staff@bookstore.test").stream()
                .anyMatch(mail -> mail.subject().equals("库存预警：平凡的世界")));
        Mail alert = mailbox.to("staff@bookstore.test").stream()
                .filter(mail -> mail.subject().equals("库存预警：平凡的世界"))
                .findFirst()
                .orElseThrow();
        assertThat(alert.text())
                .startsWith("您好：")
                .contains("《平凡的世界》的可售库存为 2 本，已不高于预警线 5 本。")
                .contains("https://shop.test/admin/inventory/" + book);
    }

    private static Mail one(List<Mail> mails, String subjectPart) {
        List<Mail> matching = mails.stream()
                .filter(mail -> mail.subject().contains(subjectPart))
                .toList();
        assertThat(matching).as("mails whose subject contains %s", subjectPart).hasSize(1);
        return matching.getFirst();
    }

    private static String language(String rejectedSubject) {
        return rejectedSubject.equals("未能受理") ? "zh-CN" : "en";
    }
}
