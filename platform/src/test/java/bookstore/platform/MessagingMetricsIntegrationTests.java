package bookstore.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.platform.fixture.Credited;
import bookstore.platform.fixture.Ledger;
import bookstore.platform.fixture.LedgerApplication;
import bookstore.platform.outbox.OutboxRelay;
import bookstore.testsupport.RealKafka;
import bookstore.testsupport.RealPostgres;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The platform's messaging as operators see it: Kafka client metrics and the outbox's backlog, moving. */
@SpringBootTest(classes = LedgerApplication.class)
@RealKafka
@RealPostgres
class MessagingMetricsIntegrationTests {

    @Autowired
    MeterRegistry meters;

    @Autowired
    Ledger ledger;

    @Autowired
    OutboxRelay relay;

    @AfterEach
    void restartRelay() {
        relay.start();
    }

    @Test
    void theEventProducerAndTheSubscriptionsConsumersReportTheirKafkaClientMetrics() {
        double sentBefore = recordsSent();

        ledger.credit(Credited.of("acc-" + UUID.randomUUID(), 1)).block();

        await().untilAsserted(() -> assertThat(recordsSent()).isGreaterThan(sentBefore));
        // The most any of a consumer's partitions lags, for every subscription's group. (The lag of each
        // partition follows within a minute of its assignment, when Micrometer next looks for new client metrics.)
        await().untilAsserted(() -> assertThat(meters.find("kafka.consumer.fetch.manager.records.lag.max")
                        .gauges())
                .extracting(gauge -> gauge.getId().getTag("client.id"))
                .anyMatch(client -> client.contains("ledger-fixture.ledger-projection"))
                .anyMatch(client -> client.contains("ledger-fixture.ledger-batches")));
    }

    @Test
    void theOutboxBacklogAndItsOldestAgeGrowWhileTheRelayIsAwayAndEmptyWhenItIsBack() {
        await().untilAsserted(() -> assertThat(backlog()).isZero());
        assertThat(oldestAgeSeconds()).isZero();

        relay.stop();
        ledger.credit(Credited.of("acc-" + UUID.randomUUID(), 1)).block();
        ledger.credit(Credited.of("acc-" + UUID.randomUUID(), 2)).block();

        await().untilAsserted(() -> assertThat(backlog()).isEqualTo(2));
        await().untilAsserted(() -> assertThat(oldestAgeSeconds()).isGreaterThan(1));

        relay.start();
        await().untilAsserted(() -> assertThat(backlog()).isZero());
        assertThat(oldestAgeSeconds()).isZero();
    }

    private double recordsSent() {
        return meters.find("kafka.producer.record.send.total").functionCounters().stream()
                .mapToDouble(FunctionCounter::count)
                .sum();
    }

    private double backlog() {
        Gauge gauge = meters.get("bookstore.outbox.backlog").gauge();
        return gauge.value();
    }

    private double oldestAgeSeconds() {
        TimeGauge gauge = meters.get("bookstore.outbox.oldest.age").timeGauge();
        return gauge.value(TimeUnit.SECONDS);
    }
}
