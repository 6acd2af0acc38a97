package bookstore.inventory.reservation.messaging;

import static bookstore.inventory.StockFixtures.newOrderId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import bookstore.events.CloudEvents;
import bookstore.events.Money;
import bookstore.events.Topics;
import bookstore.events.catalog.BookAdded;
import bookstore.events.inventory.LowStockDetected;
import bookstore.events.inventory.ReservationEvent;
import bookstore.events.inventory.ReturnRestocked;
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
import bookstore.events.order.RestockReturn;
import bookstore.events.order.ReturnedCopies;
import bookstore.inventory.ConsumedOffsets;
import bookstore.inventory.EventSender;
import bookstore.inventory.InventoryServiceTest;
import bookstore.inventory.StockFixtures;
import bookstore.inventory.TopicReader;
import bookstore.inventory.stock.application.OpeningStock;
import bookstore.platform.messaging.EventCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Inventory's part of the saga over real Kafka: the catalogue's and order service's records are put
 * on their topics as those services would, and inventory's answers are read back from its topics.
 */
@InventoryServiceTest
class InventoryMessagingIntegrationTests {

    private static final Money PRICE = new Money(4500, "CNY");

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    EventCodec codec;

    @Autowired
    OpeningStock opening;

    @Autowired
    DatabaseClient database;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    EventSender send;
    StockFixtures stock;
    TopicReader<ReservationEvent> replies;
    TopicReader<StockEvent> stockLevels;
    ConsumedOffsets consumed;

    @BeforeEach
    void connect() {
        send = new EventSender(kafka, codec);
        stock = new StockFixtures(opening, database);
        replies = new TopicReader<>(bootstrapServers, Topics.INVENTORY_RESERVATIONS, codec);
        stockLevels = new TopicReader<>(bootstrapServers, Topics.INVENTORY_STOCK, codec);
        consumed = new ConsumedOffsets(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        replies.close();
        stockLevels.close();
        consumed.close();
    }

    @Test
    void aBookAddedToTheCatalogueGetsAStockRecordWithItsInitialCopies() {
        String book = UUID.randomUUID().toString();
        BookAdded added = bookAdded(book, 7);

        send.send(Topics.CATALOG_BOOKS, added);

        eventually().untilAsserted(() -> assertThat(stockLevels.eventsAbout(book))
                .singleElement()
                .isInstanceOfSatisfying(StockLevelChanged.class, level -> {
                    assertThat(level.onHand()).isEqualTo(7);
                    assertThat(level.available()).isEqualTo(7);
                    assertThat(level.version()).isEqualTo(1);
                }));
    }

    @Test
    void theCataloguesRepeatsDoNotReopenAStockRecord() {
        String book = UUID.randomUUID().toString();
        BookAdded added = bookAdded(book, 7);
        BookAdded replayed = bookAdded(book, 99);

        send.send(Topics.CATALOG_BOOKS, added);
        send.send(Topics.CATALOG_BOOKS, added);
        RecordMetadata last = send.send(Topics.CATALOG_BOOKS, replayed);

        eventually().until(() -> consumed.handled("stock-records", last));
        assertThat(stock.stockRow(book)).containsEntry("on_hand", 7).containsEntry("version", 1L);
        assertThat(stock.ledger(book)).hasSize(1);
    }

    @Test
    void reserveCommitAndReleaseAreAnsweredOnTheReservationsTopic() {
        String book = stock.bookWith(5);
        String order = newOrderId();

        send.send(Topics.INVENTORY_COMMANDS, reserve(order, book, 2));
        eventually().untilAsserted(() -> assertThat(replies.eventsAbout(order))
                .hasExactlyElementsOfTypes(StockReserved.class));
        send.send(Topics.INVENTORY_COMMANDS, new CommitStock(UUID.randomUUID(), Instant.now(), order));
        eventually().untilAsserted(() -> assertThat(replies.eventsAbout(order))
                .hasExactlyElementsOfTypes(StockReserved.class, StockCommitted.class));
        send.send(
                Topics.INVENTORY_COMMANDS,
                new ReleaseStock(UUID.randomUUID(), Instant.now(), order, "customer cancelled"));

        eventually().untilAsserted(() -> assertThat(replies.eventsAbout(order))
                .hasExactlyElementsOfTypes(StockReserved.class, StockCommitted.class, StockReleased.class));
        eventually().untilAsserted(() -> assertThat(levelsOf(book))
                .extracting(StockLevelChanged::version, StockLevelChanged::onHand, StockLevelChanged::available)
                .containsExactly(tuple(1L, 5, 5), tuple(2L, 5, 3), tuple(3L, 3, 3), tuple(4L, 5, 5)));
    }

    /**
     * Without an inbox, a redelivery is a repeat like any other: the reservation the first delivery
     * made tells it apart, so stock is reserved once and only the first delivery is answered.
     */
    @Test
    void aRedeliveredOrRepeatedReserveReservesOnceAndIsAnsweredOnce() {
        String book = stock.bookWith(10);
        String order = newOrderId();
        ReserveStock first = reserve(order, book, 2);
        ReserveStock repeated = reserve(order, book, 2);

        send.send(Topics.INVENTORY_COMMANDS, first);
        send.send(Topics.INVENTORY_COMMANDS, first);
        RecordMetadata last = send.send(Topics.INVENTORY_COMMANDS, repeated);

        eventually().until(() -> consumed.handled("stock-reservations", last));
        assertThat(stock.outboxTypes(order)).containsExactly(CloudEvents.typeOf(StockReserved.class));
        eventually().untilAsserted(() -> assertThat(replies.eventsAbout(order))
                .hasExactlyElementsOfTypes(StockReserved.class));
        assertThat(stock.stockRow(book)).containsEntry("reserved", 2).containsEntry("version", 2L);
        assertThat(stock.ledger(book)).extracting(entry -> entry.get("kind")).containsExactly("OPENING", "RESERVATION");
    }

    @Test
    void aReleaseThatOvertakesItsReservationMakesInventoryRefuseTheReservation() {
        String book = stock.bookWith(10);
        String order = newOrderId();

        send.send(Topics.INVENTORY_COMMANDS, new ReleaseStock(UUID.randomUUID(), Instant.now(), order, "timeout"));
        send.send(Topics.INVENTORY_COMMANDS, reserve(order, book, 1));

        eventually().untilAsserted(() -> assertThat(replies.eventsAbout(order))
                .satisfiesExactly(
                        released -> assertThat(released).isInstanceOf(StockReleased.class),
                        refused -> assertThat(refused).isInstanceOfSatisfying(StockReservationFailed.class, failed -> {
                            assertThat(failed.reason()).isEqualTo(StockReservationFailed.ORDER_CANCELLED);
                            assertThat(failed.shortBookIds()).isEmpty();
                        })));
        assertThat(stock.stockRow(book)).containsEntry("reserved", 0);
    }

    @Test
    void anOrderForMoreThanIsInStockIsRefusedWithTheShortBooks() {
        String plenty = stock.bookWith(10);
        String scarce = stock.bookWith(1);
        String order = newOrderId();

        send.send(
                Topics.INVENTORY_COMMANDS,
                new ReserveStock(
                        UUID.randomUUID(),
                        Instant.now(),
                        order,
                        List.of(new OrderLine(plenty, 1, PRICE), new OrderLine(scarce, 2, PRICE))));

        eventually().untilAsserted(() -> assertThat(replies.eventsAbout(order))
                .singleElement()
                .isInstanceOfSatisfying(StockReservationFailed.class, failed -> {
                    assertThat(failed.reason()).isEqualTo(StockReservationFailed.INSUFFICIENT_STOCK);
                    assertThat(failed.shortBookIds()).containsExactly(scarce);
                }));
        assertThat(stock.stockRow(plenty)).containsEntry("reserved", 0);
    }

    @Test
    void aReservationThatTakesABookToItsThresholdRaisesALowStockAlert() {
        String book = stock.bookWith(7);

        send.send(Topics.INVENTORY_COMMANDS, reserve(newOrderId(), book, 2));

        eventually().untilAsserted(() -> assertThat(stockLevels.eventsAbout(book))
                .filteredOn(LowStockDetected.class::isInstance)
                .singleElement()
                .isInstanceOfSatisfying(LowStockDetected.class, low -> {
                    assertThat(low.available()).isEqualTo(5);
                    assertThat(low.threshold()).isEqualTo(5);
                }));
    }

    @Test
    void committingAnOrderInventoryHoldsNothingForEndsOnTheDeadLetterTopic() {
        String order = newOrderId();
        CommitStock commit = new CommitStock(UUID.randomUUID(), Instant.now(), order);

        send.send(Topics.INVENTORY_COMMANDS, commit);

        try (TopicReader<InventoryCommand> deadLetters =
                TopicReader.deadLetters(bootstrapServers, Topics.INVENTORY_COMMANDS, codec)) {
            eventually().untilAsserted(() -> assertThat(deadLetters.records())
                    .anySatisfy(record -> assertThat(record.key()).isEqualTo(order)));
        }
        assertThat(stock.reservationRow(order))
                .as("nothing was kept for the order")
                .isNull();
        assertThat(stock.outboxTypes(order)).isEmpty();
        assertThat(replies.eventsAbout(order)).isEmpty();
    }

    @Test
    void aReturnIsTakenInAndAnsweredOnTheReservationsTopicOnceHoweverOftenItComes() {
        String book = stock.bookWith(5);
        String order = newOrderId();
        String returnId = UUID.randomUUID().toString();
        send.send(Topics.INVENTORY_COMMANDS, reserve(order, book, 2));
        send.send(Topics.INVENTORY_COMMANDS, new CommitStock(UUID.randomUUID(), Instant.now(), order));
        RestockReturn restock = new RestockReturn(
                UUID.randomUUID(), Instant.now(), order, returnId, List.of(new ReturnedCopies(book, 1, 1)));

        send.send(Topics.INVENTORY_COMMANDS, restock);

        eventually().untilAsserted(() -> assertThat(replies.eventsAbout(order))
                .hasExactlyElementsOfTypes(StockReserved.class, StockCommitted.class, ReturnRestocked.class)
                .last()
                .isInstanceOfSatisfying(ReturnRestocked.class, restocked -> assertThat(restocked.returnId())
                        .isEqualTo(returnId)));
        eventually().untilAsserted(() -> assertThat(levelsOf(book))
                .last()
                .extracting(StockLevelChanged::version, StockLevelChanged::onHand, StockLevelChanged::available)
                .containsExactly(5L, 4, 4));
        int levelsAnnounced = levelsOf(book).size();

        RecordMetadata redelivered = send.send(Topics.INVENTORY_COMMANDS, restock);

        eventually().until(() -> consumed.handled("stock-reservations", redelivered));
        assertThat(stock.outboxTypes(order))
                .as("the redelivery is not answered again")
                .containsOnlyOnce(CloudEvents.typeOf(ReturnRestocked.class));
        assertThat(replies.eventsAbout(order))
                .hasExactlyElementsOfTypes(StockReserved.class, StockCommitted.class, ReturnRestocked.class);
        assertThat(stock.stockRow(book))
                .containsEntry("on_hand", 4)
                .containsEntry("version", 5L)
                .containsEntry("returned_to_stock", 1)
                .containsEntry("returned_damaged", 1);
        assertThat(levelsOf(book)).as("the repeat announced no level").hasSize(levelsAnnounced);
    }

    private List<StockLevelChanged> levelsOf(String book) {
        return stockLevels.eventsAbout(book).stream()
                .filter(StockLevelChanged.class::isInstance)
                .map(StockLevelChanged.class::cast)
                .toList();
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(30));
    }

    private static BookAdded bookAdded(String book, int initialStock) {
        return new BookAdded(
                UUID.randomUUID(),
                Instant.now(),
                book,
                "9787536692930",
                "三体",
                List.of("刘慈欣"),
                PRICE,
                initialStock,
                "重庆出版社",
                List.of("Science Fiction"));
    }

    private static ReserveStock reserve(String order, String book, int quantity) {
        return new ReserveStock(UUID.randomUUID(), Instant.now(), order, List.of(new OrderLine(book, quantity, PRICE)));
    }
}
