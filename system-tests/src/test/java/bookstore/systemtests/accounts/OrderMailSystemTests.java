package bookstore.systemtests.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.embedded.MailServer.Mail;
import bookstore.systemtests.support.Books;
import bookstore.systemtests.support.Customer;
import bookstore.systemtests.support.Mailbox;
import bookstore.systemtests.support.Orders;
import bookstore.systemtests.support.Shop;
import bookstore.systemtests.support.SystemTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the shop tells people about orders, through its real SMTP server: one mail when an order is confirmed, one when
 * it ships (with carrier and tracking number), one when it is delivered, one when it is cancelled, and an alert to the staff's address when a
 * book runs low. That each is sent exactly once also after every topic is replayed is checked by the replay test,
 * which compares the mailbox before and after.
 */
@SystemTest
class OrderMailSystemTests {

    private final Shop shop;
    private final Mailbox mailbox;

    OrderMailSystemTests(Shop shop) {
        this.shop = shop;
        this.mailbox = new Mailbox(shop);
    }

    @Test
    void anOrderConfirmedShippedDeliveredAndAnotherCancelledSendOneMailEach() {
        String title = "Letters from the Post Office " + System.nanoTime();
        String book = Books.addOrderable(shop, title, 4_200, 20);
        Customer customer = shop.newCustomer();
        String shipped = place(customer, book);
        String cancelled = place(customer, book);
        Orders.awaitStatus(customer, shipped, "CONFIRMED");
        Orders.awaitStatus(customer, cancelled, "CONFIRMED");
        String tracking = "SF" + System.nanoTime();
        shop.admin()
                .post("/api/orders/" + shipped + "/ship", Map.of("carrier", "shunfeng", "trackingNumber", tracking))
                .expect(200);
        customer.post("/api/orders/" + cancelled + "/cancel", null).expect(200);

        Mail confirmed = mailbox.await(
                customer.email(),
                "the first order confirmed",
                mail -> mail.text().contains(shipped)
                        && mail.text().contains(title)
                        && !mail.text().contains(tracking));
        Mail onItsWay = mailbox.awaitContaining(customer.email(), tracking);
        Mail cancellation = await("the second order's confirmation and cancellation")
                .atMost(Mailbox.DELIVERY)
                .until(() -> mailsAbout(customer, cancelled), mails -> mails.size() >= 2)
                .getLast();

        assertThat(confirmed.text()).as("the total").contains("42");
        assertThat(onItsWay.text()).contains(shipped);
        assertThat(cancellation.subject()).isNotEqualTo(confirmed.subject());
        // The sandbox carrier takes the parcel to the door within seconds.
        Orders.awaitStatus(customer, shipped, Set.of("DELIVERED"), Duration.ofSeconds(90));
        // Every order event is mailed at most once: wait until the shop is quiet, then count.
        await("no more mail about these orders")
                .during(Duration.ofSeconds(5))
                .atMost(Mailbox.DELIVERY)
                .until(() -> mailbox.to(customer.email()).size(), count -> count == 1 + 3 + 2);
        assertThat(mailsAbout(customer, shipped))
                .as("confirmed, shipped, delivered")
                .hasSize(3);
        assertThat(mailsAbout(customer, cancelled)).as("confirmed, cancelled").hasSize(2);
        assertThat(mailbox.to(customer.email()).getFirst().text())
                .as("the first mail is the welcome with its verification link")
                .contains("/verify-email?token=");
    }

    @Test
    void aBookRunningLowAlertsTheStaff() {
        String title = "Almost Sold Out " + System.nanoTime();
        String book = Books.addOrderable(shop, title, 2_800, 7);
        Customer customer = shop.newCustomer();

        Orders.awaitStatus(customer, place(customer, book, 3), "CONFIRMED");

        Mail alert = mailbox.awaitContaining(Shop.STAFF_EMAIL, title);
        assertThat(alert.text()).as("what is left").contains("4");
        assertThat(mailbox.to(customer.email()))
                .as("the customer is not told about stock")
                .noneMatch(mail -> mail.text().contains(title) && mail.subject().equals(alert.subject()));
    }

    private List<Mail> mailsAbout(Customer customer, String orderId) {
        return mailbox.to(customer.email()).stream()
                .filter(mail -> mail.text().contains(orderId))
                .toList();
    }

    private static String place(Customer customer, String book) {
        return place(customer, book, 1);
    }

    private static String place(Customer customer, String book, int copies) {
        return Orders.place(customer, book, copies, Orders.VISA)
                .expect(202)
                .json()
                .get("id")
                .asString();
    }
}
