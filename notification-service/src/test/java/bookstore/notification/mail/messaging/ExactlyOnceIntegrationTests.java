package bookstore.notification.mail.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.embedded.MailServer.Mail;
import bookstore.events.Topics;
import bookstore.events.order.OrderConfirmed;
import bookstore.events.order.OrderPlaced;
import bookstore.events.order.OrderShipped;
import bookstore.events.user.ContactErased;
import bookstore.events.user.EmailVerificationRequested;
import bookstore.notification.AccountMails;
import bookstore.notification.EventSender;
import bookstore.notification.Mailbox;
import bookstore.notification.NotificationServiceTest;
import bookstore.notification.Shop;
import bookstore.notification.Shop.Customer;
import bookstore.platform.messaging.EventCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Each event is mailed once: a redelivered batch and a replay of every topic from its first record send nothing
 * again; a relay that is away is waited out and the mail sent once; an erased person leaves no trace in the record.
 */
@NotificationServiceTest
class ExactlyOnceIntegrationTests {

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    EventCodec codec;

    @Autowired
    Mailbox mailbox;

    @Autowired
    DatabaseClient database;

    @Autowired
    ApplicationContext context;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    Shop shop;
    EventSender events;

    @BeforeEach
    void connect() {
        events = new EventSender(kafka, codec);
        shop = new Shop(events);
    }

    @Test
    void aRedeliveredBatchSendsNothingTwice() {
        Customer customer = shop.customer("Twice", "en");
        String book = shop.book("The Double", 1000);
        OrderPlaced placed = shop.placed(customer, book, 1000, book, 1000);
        var confirmed = new OrderConfirmed(UUID.randomUUID(), Instant.now(), placed.orderId(), placed.total());
        var shipped = new OrderShipped(UUID.randomUUID(), Instant.now(), placed.orderId(), "jd", "JD0001");
        events.send(Topics.ORDER_EVENTS, placed, confirmed, shipped);
        mailbox.await(customer.email(), 2);

        // The same records again, as a producer retry or a consumer that did not commit its offsets would bring them.
        events.send(Topics.ORDER_EVENTS, placed, confirmed, shipped);
        var later = new OrderShipped(UUID.randomUUID(), Instant.now(), placed.orderId(), "jd", "JD0002");
        events.send(Topics.ORDER_EVENTS, later);

        List<Mail> mails = mailbox.await(customer.email(), 3);
        assertThat(mails)
                .extracting(Mail::subject)
                .containsExactlyInAnyOrder(
                        "Your order " + placed.orderId() + " is confirmed",
                        "Your order " + placed.orderId() + " has shipped",
                        "Your order " + placed.orderId() + " has shipped");
        assertThat(mails).filteredOn(mail -> mail.text().contains("JD0001")).hasSize(1);
        assertThat(rowsAbout(placed.orderId())).isEqualTo(3);
    }

    @Test
    void replayingEveryTopicFromTheStartSendsNothingAgain() throws Exception {
        Customer customer = shop.customer("Replay", "zh-CN");
        String book = shop.book("重来", 1200);
        OrderPlaced placed = shop.placed(customer, book, 1200, book, 1200);
        events.send(
                Topics.ORDER_EVENTS,
                placed,
                new OrderConfirmed(UUID.randomUUID(), Instant.now(), placed.orderId(), placed.total()));
        mailbox.awaitOne(customer.email());
        await().until(() -> "SENT".equals(statusAbout(placed.orderId())));
        int messagesBefore = mailbox.all();
        long rowsBefore = rows();

        SmartLifecycle consumers = context.getBean("eventListenerContainers", SmartLifecycle.class);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            consumers.stop();
            List<String> groups = admin.listConsumerGroups().all().get().stream()
                    .map(group -> group.groupId())
                    .filter(group -> group.startsWith("notification-service."))
                    .toList();
            assertThat(groups).hasSizeGreaterThanOrEqualTo(5);
            Map<String, Map<TopicPartition, Long>> ends = new java.util.HashMap<>();
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get();
                admin.alterConsumerGroupOffsets(
                                group,
                                committed.keySet().stream()
                                        .collect(Collectors.toMap(
                                                partition -> partition, partition -> new OffsetAndMetadata(0))))
                        .all()
                        .get();
                ends.put(group, endOffsets(admin, committed.keySet()));
            }
            // Forget the handled event ids too, as the inbox does after its retention: the mail table alone must hold.
            database.sql("DELETE FROM inbox_processed_event").then().block();
            consumers.start();

            await().atMost(Duration.ofSeconds(60)).until(() -> caughtUp(admin, ends));
        }
        // A mail recorded after the replay is sent: the sender ran, and found nothing else to send.
        var sentinel = new OrderShipped(UUID.randomUUID(), Instant.now(), placed.orderId(), "ems", "EMS01");
        events.send(Topics.ORDER_EVENTS, sentinel);
        mailbox.await(customer.email(), 2);

        assertThat(mailbox.all()).isEqualTo(messagesBefore + 1);
        assertThat(rows()).isEqualTo(rowsBefore + 1);
    }

    @Test
    void aRelayThatIsAwayIsWaitedOutAndTheMailSentOnce() {
        Customer customer = shop.customer("Patient", "en");
        String book = shop.book("Waiting for Godot", 900);
        OrderPlaced placed = shop.placed(customer, book, 900, book, 900);
        mailbox.stop();
        try {
            events.send(
                    Topics.ORDER_EVENTS,
                    placed,
                    new OrderConfirmed(UUID.randomUUID(), Instant.now(), placed.orderId(), placed.total()));
            await().atMost(Duration.ofSeconds(30)).until(() -> attemptsAbout(placed.orderId()) >= 2);
        } finally {
            mailbox.start();
        }

        Mail mail = mailbox.awaitOne(customer.email());
        assertThat(mail.subject()).isEqualTo("Your order " + placed.orderId() + " is confirmed");
        await().until(() -> "SENT".equals(statusAbout(placed.orderId())));
        await().pollDelay(Duration.ofMillis(600)).until(() -> true);
        assertThat(mailbox.to(customer.email())).hasSize(1);
        assertThat(mail.id()).matches("<mail-\\d+@bookstore\\.test>");
    }

    @Test
    void erasingAPersonRedactsEveryMailRecordedForThem() {
        Customer customer = shop.customer("Forget Me", "en");
        String book = shop.book("Nineteen Eighty-Four", 1984);
        OrderPlaced placed = shop.placed(customer, book, 1984, book, 1984);
        events.send(
                Topics.ORDER_EVENTS,
                placed,
                new OrderConfirmed(UUID.randomUUID(), Instant.now(), placed.orderId(), placed.total()));
        mailbox.awaitOne(customer.email());
        await().until(() -> "SENT".equals(statusAbout(placed.orderId())));
        events.send(
                Topics.ACCOUNT_MAIL,
                new EmailVerificationRequested(
                        UUID.randomUUID(),
                        Instant.now(),
                        customer.userId(),
                        customer.email(),
                        customer.displayName(),
                        "en",
                        AccountMails.TOKEN,
                        Instant.now().plus(Duration.ofDays(1)),
                        false));
        await().until(() -> countWhere("recipient_address", customer.email()) == 2);

        events.send(Topics.USER_CONTACTS, new ContactErased(UUID.randomUUID(), Instant.now(), customer.userId()));

        await().until(() -> countWhere("recipient_address", customer.email()) == 0);
        assertThat(countWhere("recipient_name", customer.displayName())).isZero();
        assertThat(database.sql("SELECT count(*) FROM contact WHERE user_id = :id")
                        .bind("id", customer.userId())
                        .map(row -> row.get(0, Long.class))
                        .one()
                        .block())
                .isZero();
        assertThat(database.sql(
                                "SELECT count(*) FROM mail WHERE order_id = :o AND erased_at IS NOT NULL AND facts IS NULL")
                        .bind("o", placed.orderId())
                        .map(row -> row.get(0, Long.class))
                        .one()
                        .block())
                .isEqualTo(1);

        // An order event after the erasure finds nobody: nothing goes out.
        events.send(
                Topics.ORDER_EVENTS,
                new OrderShipped(UUID.randomUUID(), Instant.now(), placed.orderId(), "ems", "EMS02"));
        await().until(() -> rowsAbout(placed.orderId()) == 2);
        await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
        assertThat(mailbox.to(customer.email())).hasSize(2);
    }

    private Map<TopicPartition, Long> endOffsets(Admin admin, java.util.Set<TopicPartition> partitions)
            throws Exception {
        return admin
                .listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all()
                .get()
                .entrySet()
                .stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    private static boolean caughtUp(Admin admin, Map<String, Map<TopicPartition, Long>> ends) throws Exception {
        for (var group : ends.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                    .partitionsToOffsetAndMetadata()
                    .get();
            for (var end : group.getValue().entrySet()) {
                OffsetAndMetadata at = committed.get(end.getKey());
                if (at == null || at.offset() < end.getValue()) {
                    return false;
                }
            }
        }
        return true;
    }

    private long rows() {
        return database.sql("SELECT count(*) FROM mail")
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    private long rowsAbout(String orderId) {
        return countWhere("order_id", orderId);
    }

    private long countWhere(String column, String value) {
        return valueOf("SELECT count(*) FROM mail WHERE " + column + " = :value", value, Long.class);
    }

    private int attemptsAbout(String orderId) {
        return valueOf("SELECT coalesce(max(attempts), 0) FROM mail WHERE order_id = :value", orderId, Integer.class);
    }

    private String statusAbout(String orderId) {
        return valueOf("SELECT status FROM mail WHERE order_id = :value", orderId, String.class);
    }

    private <T> T valueOf(String query, String value, Class<T> type) {
        return database.sql(query)
                .bind("value", value)
                .map(row -> row.get(0, type))
                .one()
                .block();
    }
}
