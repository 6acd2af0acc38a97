package bookstore.inventory.reservation.messaging;

import static bookstore.inventory.StockFixtures.orderIdsSharingAPartition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import bookstore.events.Money;
import bookstore.events.Topics;
import bookstore.events.inventory.LowStockDetected;
import bookstore.events.inventory.ReservationEvent;
import bookstore.events.inventory.StockCommitted;
import bookstore.events.inventory.StockEvent;
import bookstore.events.inventory.StockLevelChanged;
import bookstore.events.inventory.StockReleased;
import bookstore.events.inventory.StockReservationFailed;
import bookstore.events.inventory.StockReserved;
import bookstore.events.order.CommitStock;
import bookstore.events.order.InventoryCommand;
import bookstore.events.order.OrderLine;
import bookstore.events.order.ReleaseStock;
import bookstore.events.order.ReserveStock;
import bookstore.inventory.BatchSender;
import bookstore.inventory.InventoryServiceTest;
import bookstore.inventory.StockFixtures;
import bookstore.inventory.TopicReader;
import bookstore.inventory.stock.application.OpeningStock;
import bookstore.platform.messaging.EventCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The saga's commands as inventory gets them in production: several records of one partition in one
 * poll, carried out together in one transaction. The commands of each test are produced together,
 * so they reach inventory as one batch.
 */
@InventoryServiceTest
class OrderCommandBatchesIntegrationTests {

    private static final Money PRICE = new Money(4500, "CNY");

    @Autowired
    EventCodec codec;

    @Autowired
    OpeningStock opening;

    @Autowired
    DatabaseClient database;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    BatchSender send;
    StockFixtures stock;
    TopicReader<ReservationEvent> replies;
    TopicReader<StockEvent> stockEvents;

    @BeforeEach
    void connect() {
        send = new BatchSender(bootstrapServers, codec);
        stock = new StockFixtures(opening, database);
        replies = new TopicReader<>(bootstrapServers, Topics.INVENTORY_RESERVATIONS, codec);
        stockEvents = new TopicReader<>(bootstrapServers, Topics.INVENTORY_STOCK, codec);
    }

    @AfterEach
    void disconnect() {
        send.close();
        replies.close();
        stockEvents.close();
    }

    @Test
    void theEarliestOrdersOfABatchGetTheLastCopiesAndNoneIsOversold() {
        String book = stock.bookWith(3);
        List<String> orders = orderIdsSharingAPartition(8);

        sendTogether(orders.stream()
                .map(order -> (InventoryCommand) reserve(order, book, 1))
                .toList());

        eventually().untilAsserted(() -> assertThat(orders)
                .allSatisfy(order -> assertThat(replies.eventsAbout(order)).hasSize(1)));
        assertThat(orders.subList(0, 3))
                .allSatisfy(order ->
                        assertThat(replies.eventsAbout(order)).singleElement().isInstanceOf(StockReserved.class));
        assertThat(orders.subList(3, 8)).allSatisfy(order -> assertThat(replies.eventsAbout(order))
                .singleElement()
                .isInstanceOfSatisfying(StockReservationFailed.class, failed -> {
                    assertThat(failed.reason()).isEqualTo(StockReservationFailed.INSUFFICIENT_STOCK);
                    assertThat(failed.shortBookIds()).containsExactly(book);
                }));
        assertThat(stock.stockRow(book))
                .containsEntry("on_hand", 3)
                .containsEntry("reserved", 3)
                .containsEntry("version", 4L);
        List<Map<String, Object>> ledger = stock.ledger(book);
        assertThat(ledger).as("available stock after every movement").allSatisfy(entry -> assertThat(
                        (int) entry.get("on_hand_after") - (int) entry.get("reserved_after"))
                .isNotNegative());
        assertThat(ledger)
                .extracting(entry -> entry.get("order_id"), entry -> entry.get("stock_version"))
                .containsExactly(
                        tuple(null, 1L), tuple(orders.get(0), 2L), tuple(orders.get(1), 3L), tuple(orders.get(2), 4L));
    }

    @Test
    void aBatchOfReservesCommitsAndReleasesActsAsItsCommandsOneAfterAnother() {
        String book = stock.bookWith(10);
        List<String> orders = orderIdsSharingAPartition(3);
        String paid = orders.get(0);
        String declined = orders.get(1);
        String timedOut = orders.get(2);

        sendTogether(List.of(
                reserve(paid, book, 2),
                reserve(declined, book, 3),
                commit(paid),
                release(declined, "payment declined"),
                release(timedOut, "timeout"),
                reserve(timedOut, book, 1),
                commit(paid)));

        eventually().untilAsserted(() -> {
            assertThat(replies.eventsAbout(paid)).hasExactlyElementsOfTypes(StockReserved.class, StockCommitted.class);
            assertThat(replies.eventsAbout(declined))
                    .hasExactlyElementsOfTypes(StockReserved.class, StockReleased.class);
            assertThat(replies.eventsAbout(timedOut))
                    .satisfiesExactly(
                            released -> assertThat(released).isInstanceOf(StockReleased.class),
                            refused -> assertThat(refused)
                                    .isInstanceOfSatisfying(
                                            StockReservationFailed.class, failed -> assertThat(failed.reason())
                                                    .isEqualTo(StockReservationFailed.ORDER_CANCELLED)));
        });
        assertThat(stock.ledger(book))
                .extracting(
                        entry -> entry.get("kind"),
                        entry -> entry.get("order_id"),
                        entry -> entry.get("on_hand_after"),
                        entry -> entry.get("reserved_after"),
                        entry -> entry.get("stock_version"))
                .containsExactly(
                        tuple("OPENING", null, 10, 0, 1L),
                        tuple("RESERVATION", paid, 10, 2, 2L),
                        tuple("RESERVATION", declined, 10, 5, 3L),
                        tuple("SALE", paid, 8, 3, 4L),
                        tuple("RELEASE", declined, 8, 0, 5L));
        assertThat(stock.stockRow(book))
                .containsEntry("on_hand", 8)
                .containsEntry("reserved", 0)
                .containsEntry("version", 5L);
        assertThat(stock.reservationRow(paid)).containsEntry("status", "COMMITTED");
        assertThat(stock.reservationRow(declined)).containsEntry("status", "RELEASED");
        assertThat(stock.reservationRow(timedOut))
                .as("released before its reserve, then refused as cancelled once")
                .containsEntry("status", "REJECTED")
                .containsEntry("refusal", "ORDER_CANCELLED");
    }

    @Test
    void aBatchThatMovesABookManyTimesAnnouncesItsLevelOnceAndAlertsOnce() {
        String book = stock.bookWith(8);
        List<String> orders = orderIdsSharingAPartition(4);

        sendTogether(orders.stream()
                .map(order -> (InventoryCommand) reserve(order, book, 1))
                .toList());

        eventually().untilAsserted(() -> assertThat(stockEvents.eventsAbout(book))
                .filteredOn(LowStockDetected.class::isInstance)
                .isNotEmpty());
        assertThat(stockEvents.eventsAbout(book))
                .satisfiesExactly(
                        opened -> assertThat(opened)
                                .isInstanceOfSatisfying(StockLevelChanged.class, level -> assertThat(level.version())
                                        .isEqualTo(1)),
                        batch -> assertThat(batch).isInstanceOfSatisfying(StockLevelChanged.class, level -> {
                            assertThat(level.version()).isEqualTo(5);
                            assertThat(level.onHand()).isEqualTo(8);
                            assertThat(level.reserved()).isEqualTo(4);
                            assertThat(level.available()).isEqualTo(4);
                        }),
                        low -> assertThat(low).isInstanceOfSatisfying(LowStockDetected.class, alert -> {
                            assertThat(alert.available()).isEqualTo(4);
                            assertThat(alert.threshold()).isEqualTo(5);
                        }));
        assertThat(stock.ledger(book)).hasSize(5);
    }

    @Test
    void aCommitForAnOrderInventoryHoldsNothingForIsDeadLetteredAloneAndTheRestOfItsBatchTakesEffect() {
        String book = stock.bookWith(10);
        List<String> orders = orderIdsSharingAPartition(3);
        String cancelled = orders.get(0);
        String unknown = orders.get(1);
        String held = orders.get(2);
        CommitStock strayCommit = commit(unknown);

        sendTogether(List.of(
                reserve(cancelled, book, 1),
                strayCommit,
                reserve(held, book, 2),
                release(cancelled, "customer cancelled")));

        try (TopicReader<InventoryCommand> deadLetters =
                TopicReader.deadLetters(bootstrapServers, Topics.INVENTORY_COMMANDS, codec)) {
            eventually().untilAsserted(() -> assertThat(deadLetters.records())
                    .anySatisfy(record -> assertThat(record.key()).isEqualTo(unknown)));
            eventually().untilAsserted(() -> {
                assertThat(replies.eventsAbout(cancelled))
                        .hasExactlyElementsOfTypes(StockReserved.class, StockReleased.class);
                assertThat(replies.eventsAbout(held)).hasExactlyElementsOfTypes(StockReserved.class);
            });
            assertThat(deadLetters.records())
                    .filteredOn(record -> orders.contains(record.key()))
                    .singleElement()
                    .satisfies(record -> assertThat(codec.decode(Topics.INVENTORY_COMMANDS, record))
                            .isEqualTo(strayCommit));
        }
        assertThat(replies.eventsAbout(unknown)).isEmpty();
        assertThat(stock.reservationRow(unknown)).isNull();
        assertThat(stock.reservationRow(cancelled)).containsEntry("status", "RELEASED");
        assertThat(stock.reservationRow(held)).containsEntry("status", "RESERVED");
        assertThat(stock.stockRow(book)).containsEntry("on_hand", 10).containsEntry("reserved", 2);
    }

    /** Sends the commands as one batch; they must share a partition for that. */
    private void sendTogether(List<InventoryCommand> commands) {
        List<RecordMetadata> sent = send.sendTogether(Topics.INVENTORY_COMMANDS, commands);
        assertThat(sent)
                .extracting(RecordMetadata::partition)
                .containsOnly(sent.getFirst().partition());
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(30));
    }

    private static ReserveStock reserve(String order, String book, int quantity) {
        return new ReserveStock(UUID.randomUUID(), Instant.now(), order, List.of(new OrderLine(book, quantity, PRICE)));
    }

    private static CommitStock commit(String order) {
        return new CommitStock(UUID.randomUUID(), Instant.now(), order);
    }

    private static ReleaseStock release(String order, String why) {
        return new ReleaseStock(UUID.randomUUID(), Instant.now(), order, why);
    }
}
